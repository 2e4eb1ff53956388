import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { redisKey } from '#libs/redis';

// Slots are members of a sorted set scored by when they lapse, so a worker that died holding one
// frees it by itself after the delivery deadline.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return 1
`;

/**
 * How many deliveries to one endpoint may be under way at once, across every worker
 * (WEBHOOK_ENDPOINT_CONCURRENCY): one tenant's slow receiver holds that many delivery slots at
 * most, and the rest go on serving everyone else.
 */
@Injectable()
export class RedisEndpointSlots {
  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Takes a slot for `holder` (a job id) until `lapsesAt` (ms since epoch); false when all are taken. */
  async take(endpointId: string, holder: string, now: number, lapsesAt: number): Promise<boolean> {
    const taken = await this.redis.eval(
      TAKE,
      1,
      this.key(endpointId),
      String(now),
      String(lapsesAt),
      holder,
      String(this.config.webhooks.endpointConcurrency),
    );
    return taken === 1;
  }

  async release(endpointId: string, holder: string): Promise<void> {
    await this.redis.zrem(this.key(endpointId), holder);
  }

  private key(endpointId: string): string {
    return redisKey(this.config, 'webhooks', 'slots', endpointId);
  }
}
