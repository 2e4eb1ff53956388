import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** Reports the depth of every BullMQ queue registered in the app, read from Redis at scrape time. */
@Injectable()
export class QueueMetricsCollector implements OnApplicationBootstrap {
  private queues: Queue[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registry: Registry,
  ) {}

  onApplicationBootstrap(): void {
    this.queues = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Queue);
    const queues = () => this.queues;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per BullMQ queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues().map(async (queue) => {
            const counts = await queue.getJobCounts(...STATES);
            for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }
}
