import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { freePort } from '../../src/bootstrap/service-process';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { parseMetrics } from '../support/metrics-text';

/** A GET on a connection of its own, so that the cluster's primary hands each one to the next worker. */
function get(port: number, path: string, requestId: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, agent: false, headers: { 'x-request-id': requestId } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The pid of the process that logged each request whose id starts with `prefix` (pino-http's line). */
function servingPids(app: AppProcess, prefix: string): number[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(`"requestId":"${prefix}`))
    .map((line) => JSON.parse(line) as { pid: number; msg: string })
    .filter((line) => line.msg === 'request completed')
    .map((line) => line.pid);
}

describe('the API under API_WORKERS=2 (Node cluster)', () => {
  let app: AppProcess;
  let port: number;
  const run = randomBytes(3).toString('hex');

  beforeAll(async () => {
    port = await freePort();
    app = startAppProcess('main', {
      PORT: String(port),
      APP_ROLE: 'api',
      API_WORKERS: '2',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      DB_MIGRATE_ON_START: 'false',
    });
    await eventually(
      'both API workers to listen',
      () => Promise.resolve(app.output().includes('API cluster: 2 HTTP processes serving')),
      60_000,
    );
  });

  afterAll(() => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  });

  it('answers from both processes, and /metrics on either one counts the requests of both', async () => {
    for (let i = 0; i < 10; i += 1) expect((await get(port, '/api/v1/me', `both-${run}-${i}`)).status).toBe(401);

    const pids = await eventually('the ten request lines', () => {
      const logged = servingPids(app, `both-${run}-`);
      return Promise.resolve(logged.length === 10 && logged);
    });
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(app.child.pid);

    for (let scrape = 0; scrape < 2; scrape += 1) {
      const { status, body } = await get(port, '/metrics', `metrics-${run}-${scrape}`);
      expect(status).toBe(200);
      const unauthorized = parseMetrics(body).samples.find(
        (sample) =>
          sample.name === 'http_request_duration_seconds_count' &&
          sample.labels.route === '/api/v1/me' &&
          sample.labels.status_code === '401',
      );
      expect(unauthorized?.value).toBe(10);
    }
  });

  it('replaces a worker that is killed, and keeps serving meanwhile', async () => {
    for (let i = 0; i < 4; i += 1) await get(port, '/api/v1/me', `before-${run}-${i}`);
    const before = new Set(
      await eventually('the request lines', () => {
        const logged = servingPids(app, `before-${run}-`);
        return Promise.resolve(logged.length === 4 && logged);
      }),
    );
    const [victim] = [...before];
    process.kill(victim as number, 'SIGKILL');

    await eventually(
      'the primary to start another worker',
      () => Promise.resolve(app.output().includes(`API worker ${victim} exited (signal SIGKILL); starting another in`)),
      10_000,
    );
    // Every request is answered, by the survivor until the replacement listens, then by both.
    let i = 0;
    await eventually(
      'a new worker to answer',
      async () => {
        const id = `after-${run}-${i++}`;
        expect((await get(port, '/api/v1/me', id)).status).toBe(401);
        const pids = servingPids(app, `after-${run}-`);
        return pids.some((pid) => !before.has(pid));
      },
      60_000,
      100,
    );
    expect(servingPids(app, `after-${run}-`)).not.toContain(victim);
  });

  it('drains every worker on SIGTERM and exits 0', async () => {
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const output = app.output();
    expect(output).toContain('SIGTERM received: draining 2 API workers');
    expect(output.match(/"msg":"Stopped cleanly"/g)).toHaveLength(2);
    expect(output.trimEnd().endsWith('Stopped cleanly')).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});

describe('API_WORKERS at start-up', () => {
  it('refuses more than one API worker with APP_ROLE=all, in one line', async () => {
    const app = startAppProcess('main', { APP_ROLE: 'all', API_WORKERS: '2' });
    expect(await app.exited).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid configuration: API_WORKERS above 1 needs APP_ROLE=api/),
    ]);
  });
});
