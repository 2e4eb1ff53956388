import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '#libs/config';
import { ensureDatabaseExists } from '#libs/database';
import { prepareDatabase } from '../../src/bootstrap/prepare-database';
import { createHttpApp } from '../../src/http-app';
import { benchSettings } from './settings';

export interface BenchApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Creates and migrates the bench database once per process. */
let prepared: Promise<void> | undefined;
export function prepareBenchDatabase(): Promise<void> {
  prepared ??= (async () => {
    await ensureDatabaseExists(benchSettings.databaseUrl);
    await prepareDatabase(loadConfig({ ...benchSettings.appEnv(), DB_MIGRATE_ON_START: 'true' }), () => undefined);
  })();
  return prepared;
}

/**
 * Boots the application as production builds it (createHttpApp: Fastify, helmet, CORS, metrics,
 * guards, pipes, filters, PostgreSQL, Redis) on a free port of 127.0.0.1.
 */
export async function bootBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  await prepareBenchDatabase();
  const config = loadConfig({ ...benchSettings.appEnv(), ...env });
  const app = await createHttpApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
  return { app, config, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export interface BenchAppProcess {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** The primary's pid (the only process when `workers` is 1). */
  pid: number | undefined;
  /** SIGTERM, then the wait for a clean exit. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Runs the built service (`dist/src/main.js`) as production does, `APP_ROLE=api` with `workers` HTTP
 * processes (API_WORKERS), on `port` of 127.0.0.1; resolves once every one of them listens.
 */
export async function startBenchAppProcess(
  port: number,
  workers: number,
  env: Record<string, string> = {},
): Promise<BenchAppProcess> {
  await prepareBenchDatabase();
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'src', 'main.js')], {
    // benchSettings' LOG_LEVEL=silent: the primary's own lines are plain output and still come.
    env: { ...benchSettings.appEnv(), ...env, HOST: '127.0.0.1', PORT: String(port), API_WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const answers = async () => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200;
  const deadline = Date.now() + START_TIMEOUT_MS;
  // With several workers, the primary says when every one of them listens.
  while (!(await answers()) || (workers > 1 && !output.includes(`${workers} HTTP processes serving`))) {
    if (exitCode !== undefined) throw new Error(`Contexor exited with ${exitCode}: ${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Contexor did not start within ${START_TIMEOUT_MS} ms: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    pid: child.pid,
    async close() {
      child.kill('SIGTERM');
      const code = await exited;
      process.removeListener('exit', killOnExit);
      if (code !== 0) throw new Error(`Contexor exited with ${code} after SIGTERM`);
    },
  };
}

/** What `startFloorServer` runs: bare Fastify, or a one-controller Nest application on the same Fastify. */
export type FloorServer = 'fastify' | 'nest';

/**
 * Bare Fastify (bare-fastify-process.ts) or bare Nest (bare-nest-process.ts) serving `/health/live`
 * in its own process, or `workers` of them.
 */
export async function startFloorServer(kind: FloorServer, port: number, workers: number): Promise<BenchAppProcess> {
  const script = kind === 'fastify' ? 'bare-fastify-process.js' : 'bare-nest-process.js';
  const child = fork(join(__dirname, script), [String(port), String(workers)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const killOnExit = () => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), START_TIMEOUT_MS);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => reject(new Error(`${script} exited before it listened`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async close() {
      child.kill('SIGTERM');
      await exited;
      process.removeListener('exit', killOnExit);
    },
  };
}
