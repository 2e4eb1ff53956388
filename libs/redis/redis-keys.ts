import { type AppConfig } from '#libs/config';

/** Builds every Redis key under the deployment's prefix, so that test runs and tenants of one server never collide. */
export function redisKey(config: AppConfig, ...parts: string[]): string {
  return [config.redis.prefix, ...parts].join(':');
}
