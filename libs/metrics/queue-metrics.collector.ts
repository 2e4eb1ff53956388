import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/**
 * Reports the depth of every BullMQ queue registered in the app, and how long its oldest waiting job
 * has waited (its lag), read from Redis at scrape time. Every process reports the same queues:
 * aggregate with `max`, not `sum`.
 */
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
      // Read from Redis: every API worker of a cluster sees the same, so they are not added up.
      aggregator: 'max',
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
    new Gauge({
      name: 'queue_oldest_waiting_job_age_seconds',
      help: 'Seconds the oldest waiting job of each BullMQ queue has waited (since it was added or last started); 0 when none waits',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      aggregator: 'max',
      async collect() {
        this.reset();
        const now = Date.now();
        await Promise.all(
          queues().map(async (queue) => {
            const [oldest] = await queue.getWaiting(0, 0);
            const since = oldest ? Math.max(oldest.timestamp + (oldest.delay || 0), oldest.processedOn ?? 0) : now;
            this.set({ queue: queue.name }, Math.max(0, now - since) / 1000);
          }),
        );
      },
    });
  }
}
