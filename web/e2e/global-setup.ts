import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { dropDatabase } from '../../libs/database/ensure-database';
import { startLocalServices } from '../../src/bootstrap/local-services';
import { FakeKavenegarServer } from '../../test/fakes/fake-kavenegar.server';
import { FakeOpenAiServer } from '../../test/fakes/fake-openai.server';
import { PORTS } from '../playwright.config';

const ROOT = join(__dirname, '..', '..');
const WEB = join(__dirname, '..');

/** A reply with a mobile number in it, so the page has a PII finding to highlight. */
export const E2E_REPLY = 'گوشی آوا ۵ با باتری دوروزه آمد. برای سفارش با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید. Contexor streams this word by word.';

async function waitFor(url: string, what: string, process: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (process.exitCode !== null) throw new Error(`${what} exited: ${output().slice(-2000)}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not start: ${output().slice(-2000)}`);
}

function start(command: string, args: string[], cwd: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  return { child, output: () => output };
}

/**
 * The whole product on this machine: the fake Kavenegar and OpenAI, the built API with its worker
 * (APP_ROLE=all) on a fresh database, and the built dashboard. A small control server lets tests
 * read the sign-in code the fake Kavenegar received.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const kavenegar = await FakeKavenegarServer.start({ apiKey: 'web-e2e', templates: ['contexor-otp'] });
  const openai = await FakeOpenAiServer.start({ apiKey: 'sk-web-e2e' });
  openai.respondWith(E2E_REPLY);
  openai.setChunkDelay(60);
  const control = createServer((req, res) => {
    const phone = decodeURIComponent((req.url ?? '').replace('/codes/', ''));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ code: kavenegar.lastCodeFor(phone) ?? null }));
  });
  await new Promise<void>((resolve) => control.listen(PORTS.control, '127.0.0.1', resolve));

  // The machine's PostgreSQL and Redis when they answer, or local ones for this run, as npm start does.
  const services = await startLocalServices({
    production: false,
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: 'redis://127.0.0.1:6379/0',
    log: (line) => console.log(line),
  });
  const url = new URL(services.databaseUrl);
  url.pathname = `/contexor_web_e2e_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  // The dashboard signs the address of each client for the API (X-Contexor-Client), as in production.
  const clientAddressSecret = randomBytes(32).toString('base64url');
  const api = start(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], ROOT, {
    NODE_ENV: 'development',
    APP_ROLE: 'all',
    PORT: String(PORTS.api),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    DB_MIGRATE_ON_START: 'true',
    REDIS_PREFIX: `web-e2e-${randomBytes(3).toString('hex')}`,
    SMS_DRIVER: 'kavenegar',
    KAVENEGAR_API_KEY: 'web-e2e',
    KAVENEGAR_BASE_URL: kavenegar.baseUrl,
    KAVENEGAR_OTP_TEMPLATE: 'contexor-otp',
    OPENAI_API_KEY: 'sk-web-e2e',
    OPENAI_BASE_URL: openai.baseUrl,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    CLIENT_ADDRESS_SECRET: clientAddressSecret,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  });
  await waitFor(`http://127.0.0.1:${PORTS.api}/health/ready`, 'the API', api.child, api.output);
  // Started the way production starts it: scripts/start.mjs records each client's address for the BFF.
  const web = start(process.execPath, [join(WEB, 'scripts', 'start.mjs')], WEB, {
    PORT: String(PORTS.web),
    WEB_API_URL: `http://127.0.0.1:${PORTS.api}`,
    CLIENT_ADDRESS_SECRET: clientAddressSecret,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  await waitFor(`http://127.0.0.1:${PORTS.web}/sign-in`, 'the dashboard', web.child, web.output);

  return async () => {
    web.child.kill('SIGTERM');
    api.child.kill('SIGTERM');
    await Promise.all([web.child, api.child].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await kavenegar.stop();
    await openai.stop();
    await dropDatabase(databaseUrl);
    await services.stop();
  };
}
