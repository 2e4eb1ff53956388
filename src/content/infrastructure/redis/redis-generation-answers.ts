import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { redisKey } from '#libs/redis';
import {
  GenerationAnswers,
  type AnswerClaim,
  type RequestedGeneration,
} from '../../application/ports/generation-answers';

/** How long a first answer is replayed. */
export const GENERATION_ANSWER_TTL_MS = 24 * 3_600_000;
/** A claim whose request never answered (a crashed process) frees the key after this. */
const CLAIM_TTL_MS = 60_000;
const PENDING = 'pending';

@Injectable()
export class RedisGenerationAnswers extends GenerationAnswers {
  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async claim(organizationId: string, key: string): Promise<AnswerClaim> {
    const redisKeyOf = this.key(organizationId, key);
    const set = await this.redis.set(redisKeyOf, PENDING, 'PX', CLAIM_TTL_MS, 'NX');
    if (set === 'OK') return { claimed: true };
    const stored = await this.redis.get(redisKeyOf);
    if (stored === null) return this.claim(organizationId, key);
    return { claimed: false, answer: stored === PENDING ? null : (JSON.parse(stored) as RequestedGeneration) };
  }

  async store(organizationId: string, key: string, answer: RequestedGeneration): Promise<void> {
    await this.redis.set(this.key(organizationId, key), JSON.stringify(answer), 'PX', GENERATION_ANSWER_TTL_MS);
  }

  async forget(organizationId: string, key: string): Promise<void> {
    const redisKeyOf = this.key(organizationId, key);
    // Only a pending claim: never a stored answer.
    if ((await this.redis.get(redisKeyOf)) === PENDING) await this.redis.del(redisKeyOf);
  }

  private key(organizationId: string, key: string): string {
    return redisKey(this.config, 'ai', 'generate-answer', organizationId, key);
  }
}
