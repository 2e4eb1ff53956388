import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { dropDatabase } from '#libs/database';
import { FakeKavenegarServer } from '../fakes/fake-kavenegar.server';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function ready(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
  return response?.status === 200;
}

describe('the service as a process', () => {
  const freshDatabaseUrl = () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/contexor_test_proc_${randomBytes(4).toString('hex')}`;
    return url.toString();
  };
  // The run's database, already migrated by global-setup.
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const processes: AppProcess[] = [];
  let kavenegar: FakeKavenegarServer;

  beforeAll(async () => {
    kavenegar = await FakeKavenegarServer.start({ apiKey: 'k' });
  });

  afterAll(async () => {
    for (const app of processes) app.child.kill('SIGKILL');
    await kavenegar.stop();
  });

  it('stops start-up with one line naming a malformed variable', async () => {
    const app = startAppProcess('main', { APP_ROLE: 'everything' });
    processes.push(app);
    expect(await app.exited).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: APP_ROLE /)]);
  });

  it('creates and migrates a fresh database on start, then reports ready', async () => {
    const port = await freePort();
    const fresh = freshDatabaseUrl();
    try {
      const app = startAppProcess('main', {
        PORT: String(port),
        DATABASE_URL: fresh,
        DB_MIGRATE_ON_START: 'true',
        APP_ROLE: 'api',
      });
      processes.push(app);
      await eventually('the service to be ready', () => ready(port), 30_000);
      expect(app.output()).toContain('Created the database');
      expect(app.output()).toContain('Applied migrations');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      await dropDatabase(fresh);
    }
  });

  it('on SIGTERM finishes the request in flight, refuses new ones and exits 0', async () => {
    const port = await freePort();
    const app = startAppProcess('main', {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_ROLE: 'api',
      DB_MIGRATE_ON_START: 'false',
    });
    processes.push(app);
    await eventually('the service to be ready', () => ready(port), 30_000);

    // A request whose body is still arriving when the signal comes.
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/otp/request',
          headers: { 'content-type': 'application/json', 'x-request-id': 'drain-test-1' },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"phone": "0912');
      setTimeout(() => {
        app.child.kill('SIGTERM');
        setTimeout(() => req.end(' 000 1111"}'), 300);
      }, 200);
    });

    const answer = await inFlight;
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({ ttl: 120, resendAfter: 60 });
    expect(await app.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    expect(app.output()).toContain('Stopped cleanly');
    const requestLines = app
      .output()
      .split('\n')
      .filter((line) => line.includes('"url":"/api/v1/auth/otp/request"'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(JSON.parse(line)).toMatchObject({ requestId: 'drain-test-1' });
  });

  it('scales as separate roles: an api process queues the SMS and a worker process sends it', async () => {
    const port = await freePort();
    const shared = {
      DATABASE_URL: databaseUrl,
      DB_MIGRATE_ON_START: 'false',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-proc-${randomBytes(3).toString('hex')}`,
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: 'k',
      KAVENEGAR_BASE_URL: kavenegar.baseUrl,
    };
    const api = startAppProcess('main', { ...shared, PORT: String(port), APP_ROLE: 'api' });
    const worker = startAppProcess('worker', { ...shared });
    processes.push(api, worker);
    await eventually('the service to be ready', () => ready(port), 30_000);
    await eventually('the worker to start', () => Promise.resolve(worker.output().includes('Worker started')), 30_000);

    const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/otp/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '۰۹۳۵ ۱۱۱ ۲۲۳۳' }),
    });
    expect(response.status).toBe(202);
    const message = await kavenegar.waitForMessage('09351112233', 15_000);
    expect(message.token).toMatch(/^\d{6}$/);
    expect(api.output()).not.toContain(message.token);
    expect(worker.output()).not.toContain(message.token);
    expect(api.output() + worker.output()).not.toContain('9351112233');

    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  });
});
