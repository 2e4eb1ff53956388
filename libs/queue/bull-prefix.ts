import type { AppConfig } from '#libs/config';

/**
 * BullMQ's key prefix: `{<REDIS_PREFIX>}:bull`. The braces make REDIS_PREFIX a Redis Cluster hash
 * tag, so that every key of every queue lands in one slot, as BullMQ's multi-key scripts need on a
 * cluster (BullMQ's own advice for cluster mode). Queues started before the tag kept their keys
 * under `<REDIS_PREFIX>:bull`: README, Scaling, says how to move them.
 */
export function bullPrefix(config: Pick<AppConfig, 'redis'>): string {
  return `{${config.redis.prefix}}:bull`;
}
