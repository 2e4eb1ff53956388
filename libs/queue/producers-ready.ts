import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { AppConfig } from '#libs/config';
import { waitUntilReady } from '#libs/redis';

/**
 * Producers do not wait for their connection (an enqueue during an outage must fail, not wait), so
 * start-up waits here, at most REDIS_COMMAND_TIMEOUT_MS, for every Queue's connection to be up
 * before anything (a job scheduler's upsert at bootstrap, the first request) uses it.
 *
 * At shutdown it ends every producer connection for good: BullMQ's own close only quits a
 * connection that is up, so one that never reached Redis would go on reconnecting forever and keep
 * the process alive.
 */
@Injectable()
export class ProducersReady implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all(
      this.queues().map(async (queue) =>
        waitUntilReady(await queue.getBackend().client, this.config.redis.commandTimeoutMs),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.queues().map(async (queue) => {
        const client = await queue.getBackend().client;
        if (client.status !== 'end') client.disconnect();
      }),
    );
  }

  private queues(): Queue[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Queue);
  }
}
