import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';

/**
 * BullMQ prints connection errors of queues and workers with console.error unless someone
 * listens. This sends them to the structured log instead, once per distinct message.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');
  private readonly lastMessage = new Map<string, string>();

  constructor(private readonly discovery: DiscoveryService) {}

  // Queues exist (and may already be failing to connect) as soon as providers are built.
  onModuleInit(): void {
    for (const instance of this.instances()) {
      if (instance instanceof Queue) this.listen(`queue ${instance.name}`, instance);
    }
  }

  // Workers are started by @nestjs/bullmq during module init, so they are there only now.
  onApplicationBootstrap(): void {
    for (const instance of this.instances()) {
      if (instance instanceof WorkerHost) {
        const worker = workerOf(instance);
        if (worker) this.listen(`worker ${worker.name}`, worker);
      }
    }
  }

  private instances(): unknown[] {
    return this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
  }

  private listen(source: string, emitter: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
    emitter.on('error', (error: Error) => {
      if (this.lastMessage.get(source) === error.message) return;
      this.lastMessage.set(source, error.message);
      this.logger.error(
        { source, err: { message: error.message, code: (error as Error & { code?: string }).code } },
        `Redis error in ${source}`,
      );
    });
  }
}

function workerOf(host: WorkerHost): WorkerHost['worker'] | undefined {
  try {
    return host.worker;
  } catch {
    // Not started: this process does not run that processor.
    return undefined;
  }
}
