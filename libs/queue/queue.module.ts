import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '#libs/config';
import { bullProducerConnectionOptions } from './bull-connection';
import { bullPrefix } from './bull-prefix';
import { ProducersReady } from './producers-ready';
import { QueueErrorLogger } from './queue-error-logger';
import { ReconnectingWorker } from './reconnecting-worker';

// Every @Processor's worker gets the connection that waits for Redis, whatever its queue's.
BullModule.workerClass = ReconnectingWorker;

/**
 * BullMQ for every context: `BullModule.registerQueue({ name })` makes a producer Queue whose
 * enqueues fail within REDIS_COMMAND_TIMEOUT_MS during an outage and are never added later;
 * `@Processor(name, workerOptions)` makes a worker that waits for Redis and reconnects forever.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: bullProducerConnectionOptions(config),
        prefix: bullPrefix(config),
        // Waiting for the connection, or for a version check on it, would hold an enqueue until Redis returns.
        skipWaitingForReady: true,
        skipVersionCheck: true,
        defaultJobOptions: { removeOnComplete: { age: 86_400, count: 1000 }, removeOnFail: { age: 7 * 86_400 } },
      }),
    }),
  ],
  providers: [ProducersReady, QueueErrorLogger],
  exports: [BullModule],
})
export class QueueModule {}
