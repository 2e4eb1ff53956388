import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { redisKey } from '#libs/redis';
import { OtpStore, type OtpAttempt } from '../../application/ports/otp-store';

const DAY_MS = 86_400_000;
// The code hash outlives its 120 s validity a little, so that a late try says OTP_EXPIRED rather than OTP_INVALID.
const KEEP_AFTER_EXPIRY_MS = 10 * 60_000;

// One attempt in one step: counted, then refused or consumed. Concurrent attempts run one after
// another, so a right code matches exactly once. (The hashes are keyed HMACs of at most a few
// attempts per code: a comparison that is not constant-time gives nothing away.)
const ATTEMPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local stored = redis.call('HMGET', KEYS[1], 'hash', 'expiresAt')
if tonumber(stored[2]) <= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return 'expired'
end
if attempts > tonumber(ARGV[3]) then return 'exhausted' end
if stored[1] ~= ARGV[1] then return 'invalid' end
redis.call('DEL', KEYS[1])
return 'matched'
`;

const COUNT_WITH_EXPIRY = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

@Injectable()
export class RedisOtpStore extends OtpStore {
  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async startCooldown(
    phoneE164: string,
    seconds: number,
  ): Promise<{ started: true } | { started: false; retryAfterMs: number }> {
    const key = this.key('cooldown', phoneE164);
    const set = await this.redis.set(key, '1', 'PX', seconds * 1000, 'NX');
    if (set === 'OK') return { started: true };
    return { started: false, retryAfterMs: Math.max(1, await this.redis.pttl(key)) };
  }

  async countDailySend(phoneE164: string): Promise<{ count: number; resetInMs: number }> {
    const [count, ttl] = (await this.redis.eval(
      COUNT_WITH_EXPIRY,
      1,
      this.key('daily', phoneE164),
      String(DAY_MS),
    )) as [number, number];
    return { count, resetInMs: ttl };
  }

  async save(phoneE164: string, codeHash: string, expiresAt: number): Promise<void> {
    const key = this.key('code', phoneE164);
    await this.redis
      .multi()
      .del(key)
      .hset(key, { hash: codeHash, expiresAt: String(expiresAt), attempts: '0' })
      .pexpireat(key, expiresAt + KEEP_AFTER_EXPIRY_MS)
      .exec();
  }

  async attempt(phoneE164: string, candidateHash: string, now: number, maxAttempts: number): Promise<OtpAttempt> {
    return (await this.redis.eval(
      ATTEMPT,
      1,
      this.key('code', phoneE164),
      candidateHash,
      String(now),
      String(maxAttempts),
    )) as OtpAttempt;
  }

  private key(kind: string, phoneE164: string): string {
    return redisKey(this.config, 'otp', kind, phoneE164);
  }
}
