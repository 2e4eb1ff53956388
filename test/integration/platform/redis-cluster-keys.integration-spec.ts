import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis, type Command } from 'ioredis';
import { loadConfig } from '#libs/config';
import { bullPrefix } from '#libs/queue';
import { RedisRateLimiter } from '#libs/rate-limit';
import { RedisOtpStore } from '../../../src/accounts/infrastructure/redis/redis-otp.store';
import { RedisGenerationEvents } from '../../../src/ai/infrastructure/redis/redis-generation-events';
import { rootModuleFor } from '../../../src/app.module';
import { RedisCompletedCalls } from '../../../src/content/infrastructure/redis/redis-completed-calls';
import { RedisGenerationAnswers } from '../../../src/content/infrastructure/redis/redis-generation-answers';
import { RedisEndpointSlots } from '../../../src/notifications/infrastructure/redis/redis-endpoint-slots';
import { isolatedRedisPrefix } from '../../support/auth-helpers';
import { startedWorkersOf } from '../../support/queue-workers';

/**
 * Redis Cluster runs a script, a MULTI or a multi-key command only when all its keys hash to one
 * slot. These checks keep Contexor's keys so: BullMQ's under one hash tag, and each command and
 * script of our own adapters on keys of one slot.
 */

/** Redis Cluster's slot of a key: CRC16 (XMODEM) of its hash tag (the text between the first `{` and the next `}`, if not empty), else of the whole key. */
function hashSlot(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const hashed = close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

/** Every command sent on `redis`, as the keys it touches; a MULTI … EXEC block counts as one. */
function recordKeys(redis: Redis): { groups: { command: string; keys: string[] }[] } {
  const groups: { command: string; keys: string[] }[] = [];
  let transaction: { command: string; keys: string[] } | undefined;
  const send = redis.sendCommand.bind(redis) as (command: Command, ...rest: unknown[]) => unknown;
  (redis as unknown as { sendCommand: typeof send }).sendCommand = (command, ...rest) => {
    const keys = command.getKeys().map(String);
    if (command.name === 'multi') transaction = { command: 'multi', keys: [] };
    else if (command.name === 'exec' && transaction) {
      groups.push(transaction);
      transaction = undefined;
    } else if (transaction) {
      transaction.command += ` ${command.name}`;
      transaction.keys.push(...keys);
    } else groups.push({ command: command.name, keys });
    return send(command, ...rest);
  };
  return { groups };
}

describe('keys for Redis Cluster', () => {
  it('computes the slot as Redis Cluster does', () => {
    // Redis's own examples: the slot of `foo` (12182) and of `somekey` (11058), and its hash-tag rules.
    expect(hashSlot('foo')).toBe(12182);
    expect(hashSlot('somekey')).toBe(11058);
    expect(hashSlot('{foo}.following')).toBe(hashSlot('foo'));
    expect(hashSlot('foo{{bar}}zap')).toBe(hashSlot('{bar'));
    expect(hashSlot('foo{bar}{zap}')).toBe(hashSlot('bar'));
  });

  describe('BullMQ', () => {
    let app: INestApplicationContext;
    const prefix = isolatedRedisPrefix();

    beforeAll(async () => {
      const config = loadConfig({ ...process.env, APP_ROLE: 'all', REDIS_PREFIX: prefix });
      app = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
      await app.init();
    });

    afterAll(async () => {
      await app.close();
    });

    it('keeps every queue and worker under the hash tag {REDIS_PREFIX}: each queue has all its keys in one slot', () => {
      const queues = app
        .get(DiscoveryService, { strict: false })
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((instance): instance is Queue => instance instanceof Queue);
      expect(queues.length).toBeGreaterThanOrEqual(6);
      expect(bullPrefix({ redis: { prefix } } as never)).toBe(`{${prefix}}:bull`);
      for (const queue of queues) {
        expect(queue.opts.prefix).toBe(`{${prefix}}:bull`);
        const keys = Object.values(queue.keys).filter(Boolean);
        expect(new Set(keys.map(hashSlot))).toEqual(new Set([hashSlot(prefix)]));
      }
      const workers = [...startedWorkersOf(app).values()];
      expect(workers.length).toBeGreaterThanOrEqual(6);
      for (const worker of workers) expect(worker.opts.prefix).toBe(`{${prefix}}:bull`);
    });
  });

  it('gives every command, MULTI and script of our own adapters keys of a single slot', async () => {
    const config = loadConfig({ ...process.env, REDIS_PREFIX: isolatedRedisPrefix() });
    const redis = new Redis(config.redis.url);
    const recorded = recordKeys(redis);
    try {
      const otp = new RedisOtpStore(redis, config);
      await otp.startCooldown('+989121111111', 60);
      await otp.countDailySend('+989121111111');
      await otp.save('+989121111111', 'hash', Date.now() + 120_000);
      await otp.attempt('+989121111111', 'other', Date.now(), 5);
      await new RedisRateLimiter(redis, config).consume('ip:127.0.0.1', 10, 60_000);
      const slots = new RedisEndpointSlots(redis, config);
      await slots.take('endpoint', 'job', Date.now(), Date.now() + 60_000);
      await slots.release('endpoint', 'job');
      const events = new RedisGenerationEvents(redis, config);
      await events.publish(randomUUID(), { type: 'delta', text: 'سلام' });
      await events.onApplicationShutdown();
      const answers = new RedisGenerationAnswers(redis, config);
      const organizationId = randomUUID();
      await answers.claim(organizationId, 'key');
      await answers.forget(organizationId, 'key');
      await new RedisCompletedCalls(redis, config).recall(randomUUID());
    } finally {
      await redis.quit();
    }

    const multiKey = recorded.groups.filter((group) => group.keys.length > 1);
    expect(recorded.groups.some((group) => group.command === 'eval' || group.command === 'evalsha')).toBe(true);
    expect(multiKey.some((group) => group.command.startsWith('multi'))).toBe(true);
    for (const group of recorded.groups)
      expect({ ...group, slots: new Set(group.keys.map(hashSlot)).size }).toEqual({
        ...group,
        slots: Math.min(1, group.keys.length),
      });
  });
});
