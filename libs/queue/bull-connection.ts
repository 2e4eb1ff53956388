import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '#libs/config';

/** Connection options for BullMQ built from REDIS_URL. Workers block on Redis, so retries per request must be unlimited. */
export function bullConnectionOptions(config: AppConfig): ConnectionOptions {
  const url = new URL(config.redis.url);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.replace('/', '') || 0),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
  };
}
