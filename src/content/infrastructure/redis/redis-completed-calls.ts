import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { redisKey } from '#libs/redis';
import { CompletedCalls, type CompletedCall } from '../../application/ports/completed-calls';

/** Longer than any job lives in the queue (5 attempts, at most 5 minutes' wait between them, plus stalls). */
export const COMPLETED_CALL_TTL_MS = 24 * 3_600_000;

/** Completed calls by job id, in Redis, for a day. */
@Injectable()
export class RedisCompletedCalls extends CompletedCalls {
  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async remember(jobId: string, call: CompletedCall): Promise<void> {
    await this.redis.set(this.key(jobId), JSON.stringify(call), 'PX', COMPLETED_CALL_TTL_MS);
  }

  async recall(jobId: string): Promise<CompletedCall | undefined> {
    const stored = await this.redis.get(this.key(jobId));
    return stored ? (JSON.parse(stored) as CompletedCall) : undefined;
  }

  private key(jobId: string): string {
    return redisKey(this.config, 'ai', 'completed-call', jobId);
  }
}
