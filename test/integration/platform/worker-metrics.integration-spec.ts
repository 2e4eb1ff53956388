import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig } from '#libs/config';
import { rootModuleFor } from '../../../src/app.module';
import { isolatedRedisPrefix } from '../../support/auth-helpers';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function bootWorker(metricsPort: number): Promise<INestApplicationContext> {
  const config = loadConfig({
    ...process.env,
    APP_ROLE: 'worker',
    HOST: '127.0.0.1',
    METRICS_PORT: String(metricsPort),
    // A prefix of its own: its workers must not take other test files' jobs.
    REDIS_PREFIX: isolatedRedisPrefix(),
  });
  const app = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
  try {
    await app.init();
  } catch (error) {
    // A process would exit here; a test must close what started before the failure.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

describe('APP_ROLE=worker serves its metrics on METRICS_PORT', () => {
  let port: number;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    port = await freePort();
    worker = await bootWorker(port);
  });

  afterAll(async () => {
    await worker?.close();
  });

  it("answers GET /metrics with the process's registry: the workers' instruments, the pool, Redis and the queues", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const family of [
      'process_cpu_user_seconds_total',
      'generations_completed_total',
      'generations_failed_total',
      'generation_attempts_failed_total',
      'otp_sms_sent_total',
      'otp_sms_failed_total',
      'webhook_deliveries_total',
      'db_pool_connections',
      'db_query_duration_seconds',
      'redis_command_errors_total',
      'queue_oldest_waiting_job_age_seconds',
    ])
      expect(text).toContain(`# TYPE ${family} `);
    expect(text).toMatch(/^queue_jobs\{queue="ai-generation",state="waiting"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="idle"\} \d+$/m);
  });

  it('answers HEAD /metrics without a body, and 404 to anything else', async () => {
    const head = await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const path of ['/', '/health/live', '/metrics/x', '/api/v1/me'])
      expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to start on a port already taken, naming METRICS_PORT', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      await expect(bootWorker((taken.address() as AddressInfo).port)).rejects.toThrow(
        /METRICS_PORT \d+ cannot be served/,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('stops listening when the worker shuts down', async () => {
    const other = await freePort();
    const app = await bootWorker(other);
    expect((await fetch(`http://127.0.0.1:${other}/metrics`)).status).toBe(200);

    await app.close();

    await expect(fetch(`http://127.0.0.1:${other}/metrics`)).rejects.toThrow();
  });
});
