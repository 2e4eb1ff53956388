import type { ConnectionOptions, RedisOptions } from 'bullmq';
import type { AppConfig } from '#libs/config';
import { boundedRedisOptions } from '#libs/redis';

/**
 * Connection options of the Queues that add jobs (producers): bounded like the shared connection,
 * so that an enqueue during an outage fails within REDIS_COMMAND_TIMEOUT_MS and is never added later.
 */
export function bullProducerConnectionOptions(config: AppConfig): RedisOptions {
  const url = new URL(config.redis.url);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.replace('/', '') || 0),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    ...boundedRedisOptions(config),
  };
}

/** Connection options of workers (see workerConnectionOf). */
export function bullConnectionOptions(config: AppConfig): ConnectionOptions {
  return workerConnectionOf(bullProducerConnectionOptions(config));
}

/**
 * A worker's connections wait for Redis instead: its blocking fetch (BZPOPMIN) lasts longer than any
 * command timeout, BullMQ requires `maxRetriesPerRequest: null`, and its lock renewals and job
 * completions are better late than lost. A client instance is left as it is.
 */
export function workerConnectionOf(connection: ConnectionOptions): ConnectionOptions {
  if (typeof (connection as { duplicate?: unknown }).duplicate === 'function') return connection;
  const options: RedisOptions = { ...connection };
  delete options.commandTimeout;
  delete options.socketTimeout;
  return {
    ...options,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: true,
  };
}
