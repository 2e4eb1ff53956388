import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Counter, Registry } from 'prom-client';
import { workerOf } from '#libs/queue';

export type RedisCommandFailure = 'timeout' | 'unavailable' | 'reply';

/**
 * Redis errors: commands of the shared connection (sign-in codes, rate limits, live events, completed
 * calls, webhook slots) that failed, by reason — `timeout` (REDIS_COMMAND_TIMEOUT_MS passed),
 * `unavailable` (no connection: such a command fails at once), `reply` (Redis answered an error) —
 * and the connection errors ('error' events) of the shared connection and of BullMQ's queues and
 * workers, which reconnect on their own.
 */
@Injectable()
export class RedisMetricsCollector implements OnModuleInit, OnApplicationBootstrap {
  private readonly commandErrors: Counter<'reason'>;
  private readonly connectionErrors: Counter<'connection'>;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly discovery: DiscoveryService,
    registry: Registry,
  ) {
    this.commandErrors = new Counter({
      name: 'redis_command_errors_total',
      help: 'Commands of the shared Redis connection that failed, by reason: timeout, unavailable or reply',
      labelNames: ['reason'] as const,
      registers: [registry],
    });
    this.connectionErrors = new Counter({
      name: 'redis_connection_errors_total',
      help: 'Redis connection errors by connection: shared, queue (producers) or worker',
      labelNames: ['connection'] as const,
      registers: [registry],
    });
    // From 0, so that a rule over increase() sees the first error too.
    for (const reason of ['timeout', 'unavailable', 'reply']) this.commandErrors.inc({ reason }, 0);
    for (const connection of ['shared', 'queue', 'worker']) this.connectionErrors.inc({ connection }, 0);
  }

  onModuleInit(): void {
    this.redis.on('error', () => this.connectionErrors.inc({ connection: 'shared' }));
    countFailedCommands(this.redis, (reason) => this.commandErrors.inc({ reason }));
  }

  // Workers are started by @nestjs/bullmq during module init, so they are there only now.
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as unknown;
      if (instance instanceof Queue) instance.on('error', () => this.connectionErrors.inc({ connection: 'queue' }));
      if (instance instanceof WorkerHost)
        workerOf(instance)?.on('error', () => this.connectionErrors.inc({ connection: 'worker' }));
    }
  }
}

/**
 * Hears of every command of `redis` that fails, without changing what its caller gets. (A script
 * ioredis re-sends after NOSCRIPT is heard of only if the re-sent one fails too.)
 */
export function countFailedCommands(redis: Redis, failed: (reason: RedisCommandFailure) => void): void {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
    const reply = send(...args);
    if (reply instanceof Promise) reply.catch((error: unknown) => failed(failureOf(error)));
    return reply;
  };
}

function failureOf(error: unknown): RedisCommandFailure {
  if (!(error instanceof Error)) return 'unavailable';
  if (error.name === 'ReplyError') return 'reply';
  return error.message === 'Command timed out' ? 'timeout' : 'unavailable';
}
