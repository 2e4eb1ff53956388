import type { Redis } from 'ioredis';

/** Removes every key matching `pattern` (SCAN + UNLINK), so a benchmark leaves Redis as it found it. */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
