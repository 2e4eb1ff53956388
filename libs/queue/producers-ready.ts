import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { AppConfig } from '#libs/config';
import { waitUntilReady } from '#libs/redis';

/**
 * Producers do not wait for their connection (an enqueue during an outage must fail, not wait), so
 * start-up waits here, at most REDIS_COMMAND_TIMEOUT_MS, for every Queue's connection to be up
 * before anything (a job scheduler's upsert at bootstrap, the first request) uses it.
 */
@Injectable()
export class ProducersReady implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const queues = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Queue);
    await Promise.all(
      queues.map(async (queue) => waitUntilReady(await queue.getBackend().client, this.config.redis.commandTimeoutMs)),
    );
  }
}
