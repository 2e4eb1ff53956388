import { Redis } from 'ioredis';
import { dropDatabase } from '../../libs/database/ensure-database';
import type { LocalServices } from '../../src/bootstrap/local-services';
import { LOCAL_SERVICES } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  try {
    await removeTheRunsData();
  } finally {
    await ((globalThis as Record<string, unknown>)[LOCAL_SERVICES] as LocalServices | undefined)?.stop();
  }
}

async function removeTheRunsData(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl?.includes('contexor_test_')) await dropDatabase(databaseUrl);

  const prefix = process.env.REDIS_PREFIX;
  if (!prefix?.startsWith('test-')) return;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/13');
  try {
    // The run's own keys, and its queues' (`{<prefix>}:bull:…`, a Redis Cluster hash tag).
    for (const pattern of [`${prefix}*`, `{${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
