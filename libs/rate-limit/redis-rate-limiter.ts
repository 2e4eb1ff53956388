import { Inject, Injectable } from '@nestjs/common';
import { Redis, ReplyError } from 'ioredis';
import { AppConfig } from '#libs/config';
import { redisKey } from '#libs/redis';
import { RateLimiter, RateLimiterUnavailableError, type RateLimitResult } from './rate-limiter';

// INCR and PEXPIRE in one atomic step: a crash between them can never leave a counter without expiry.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

@Injectable()
export class RedisRateLimiter extends RateLimiter {
  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Bounded by the shared connection's command timeout; fails closed (RateLimiterUnavailableError). */
  async consume(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    const [count, ttl] = await this.count(redisKey(this.config, 'rl', key), windowMs);
    return { allowed: count <= limit, count, remaining: Math.max(0, limit - count), resetInMs: ttl };
  }

  private async count(key: string, windowMs: number): Promise<[number, number]> {
    try {
      return (await this.redis.eval(CONSUME, 1, key, String(windowMs))) as [number, number];
    } catch (error) {
      // Redis answered with an error: a bug in the script, not an outage (except while it loads its data).
      if (error instanceof ReplyError && !(error as Error).message.startsWith('LOADING')) throw error;
      throw new RateLimiterUnavailableError(error);
    }
  }
}
