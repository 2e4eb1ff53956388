import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { startLocalServices } from '../../../src/bootstrap/local-services';
import { freePort, portIsFree } from '../../../src/bootstrap/service-process';

// Real servers in a temp dir, on free ports named as "the default": the machine's PostgreSQL and
// Redis are never touched. The first initdb takes a second or two.
describe('local PostgreSQL and Redis for a machine that has neither', () => {
  let dir: string;
  let defaults: { databaseUrl: string; redisUrl: string };
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contexor-local-'));
    // Run by root, PostgreSQL runs as another user, who must be able to reach its data directory.
    chmodSync(dir, 0o755);
    defaults = {
      databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/contexor`,
      redisUrl: `redis://127.0.0.1:${await freePort()}/0`,
    };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function query(url: string, sql: string): Promise<unknown[]> {
    const client = new Client({ connectionString: url.replace(/\/contexor$/, '/postgres') });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(url, { maxRetriesPerRequest: 0, lazyConnect: true });
    await redis.connect();
    try {
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }

  it('starts an embedded PostgreSQL and a redis-server on the default ports, keeps their data, and stops them', async () => {
    const first = await startLocalServices({
      production: false,
      databaseUrl: defaults.databaseUrl,
      redisUrl: defaults.redisUrl,
      dir,
      defaults,
      log,
    });
    expect(first.databaseUrl).toBe(defaults.databaseUrl);
    expect(first.redisUrl).toBe(defaults.redisUrl);
    expect(lines).toEqual([
      `Contexor: no PostgreSQL at ${defaults.databaseUrl}; started a new embedded PostgreSQL 18 (data in ${join(dir, 'postgres')})`,
      expect.stringMatching(
        new RegExp(
          `^Contexor: no Redis at ${defaults.redisUrl}; started a local redis-server \\d+\\.\\d+\\.\\d+ \\(data in ${join(dir, 'redis')}\\)$`,
        ),
      ),
    ]);
    await query(first.databaseUrl, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$across restarts$$)');
    expect(await query(first.databaseUrl, 'SHOW listen_addresses')).toEqual([{ listen_addresses: '127.0.0.1' }]);
    await withRedis(first.redisUrl, async (redis) => {
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      await redis.set('kept', 'across restarts');
    });

    await first.stop();
    expect(await portIsFree(Number(new URL(defaults.databaseUrl).port))).toBe(true);
    expect(await portIsFree(Number(new URL(defaults.redisUrl).port))).toBe(true);

    lines.length = 0;
    const second = await startLocalServices({ production: false, ...defaults, dir, defaults, log });
    try {
      expect(lines[0]).toContain('started the embedded PostgreSQL 18');
      expect(await query(second.databaseUrl, 'SELECT value FROM kept')).toEqual([{ value: 'across restarts' }]);
      expect(await withRedis(second.redisUrl, (redis) => redis.get('kept'))).toBe('across restarts');
    } finally {
      await second.stop();
    }
  });

  it('uses the servers that answer and starts nothing', async () => {
    const running = await startLocalServices({ production: false, ...defaults, dir, defaults, log });
    lines.length = 0;
    try {
      const again = await startLocalServices({ production: false, ...defaults, dir, defaults, log });
      expect(again.databaseUrl).toBe(defaults.databaseUrl);
      expect(lines).toEqual([]);
      await again.stop();
      expect(await query(defaults.databaseUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it('takes a free port when the default one is held by something that is not PostgreSQL or Redis', async () => {
    const squatters: Server[] = [];
    for (const url of [defaults.databaseUrl, defaults.redisUrl]) {
      // An HTTP server, say: it answers anything with an error and closes.
      const squatter = createServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\n\r\n'));
      await new Promise<void>((resolve) => squatter.listen(Number(new URL(url).port), '127.0.0.1', resolve));
      squatters.push(squatter);
    }
    lines.length = 0;
    try {
      const services = await startLocalServices({ production: false, ...defaults, dir, defaults, log });
      try {
        expect(services.databaseUrl).not.toBe(defaults.databaseUrl);
        expect(lines[0]).toContain(`on 127.0.0.1:${new URL(services.databaseUrl).port}, as something else holds port`);
        expect(await query(services.databaseUrl, 'SELECT value FROM kept')).toEqual([{ value: 'across restarts' }]);
        expect(await withRedis(services.redisUrl, (redis) => redis.get('kept'))).toBe('across restarts');
      } finally {
        await services.stop();
      }
    } finally {
      for (const squatter of squatters) await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
