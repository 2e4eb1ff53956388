import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DistinctErrorLog } from '#libs/redis';

/**
 * BullMQ prints connection errors of queues and workers with console.error unless someone
 * listens. This sends them to the structured log instead: every queue and worker reconnects on its
 * own during an outage, so one line per distinct message, and one when a queue is connected again.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit, OnApplicationBootstrap {
  private readonly errors = new DistinctErrorLog('Queue');

  constructor(private readonly discovery: DiscoveryService) {}

  // Queues exist (and may already be failing to connect) as soon as providers are built.
  async onModuleInit(): Promise<void> {
    for (const instance of this.instances()) {
      if (!(instance instanceof Queue)) continue;
      const source = `queue ${instance.name}`;
      instance.on('error', (error: Error) => this.errors.report(source, error));
      (await instance.getBackend().client).on('ready', () => this.errors.recovered(source));
    }
  }

  // Workers are started by @nestjs/bullmq during module init, so they are there only now.
  onApplicationBootstrap(): void {
    for (const instance of this.instances()) {
      if (!(instance instanceof WorkerHost)) continue;
      const worker = workerOf(instance);
      if (worker) worker.on('error', (error: Error) => this.errors.report(`worker ${worker.name}`, error));
    }
  }

  private instances(): unknown[] {
    return this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
  }
}

/** The BullMQ worker of a processor, or undefined when this process has not started it. */
export function workerOf(host: WorkerHost): WorkerHost['worker'] | undefined {
  try {
    return host.worker;
  } catch {
    // Not started: this process does not run that processor.
    return undefined;
  }
}
