import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Worker } from 'bullmq';
import { loadConfig } from '#libs/config';
import { rootModuleFor } from '../../src/app.module';
import { KAVENEGAR_TEST_KEY, OTP_TEMPLATE, type SmsTestApp } from './auth-helpers';

/**
 * A worker root (the queue processors, no HTTP) beside an API-only app, on its Redis prefix and fake
 * Kavenegar: that app's sign-in codes go out through it. `env` adds to its settings.
 */
export async function startWorkerBeside(api: SmsTestApp, env: Record<string, string> = {}): Promise<TestingModule> {
  const config = loadConfig({
    ...process.env,
    APP_ROLE: 'worker',
    REDIS_PREFIX: api.config.redis.prefix,
    SMS_DRIVER: 'kavenegar',
    KAVENEGAR_API_KEY: KAVENEGAR_TEST_KEY,
    KAVENEGAR_BASE_URL: api.fake.baseUrl,
    KAVENEGAR_OTP_TEMPLATE: OTP_TEMPLATE,
    ...env,
  });
  const module = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
  await module.init();
  return module;
}

/** Every queue processor (`WorkerHost`) of an app, whether or not its BullMQ worker has started. */
export function workerHostsOf(app: INestApplicationContext): WorkerHost[] {
  return app
    .get(DiscoveryService, { strict: false })
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
}

/** The BullMQ workers this app has started, by queue name. */
export function startedWorkersOf(app: INestApplicationContext): Map<string, Worker> {
  const workers = new Map<string, Worker>();
  for (const host of workerHostsOf(app)) {
    const worker = workerOf(host);
    if (worker?.isRunning()) workers.set(worker.name, worker);
  }
  return workers;
}

/**
 * Stops the app as if its process had been killed: its workers stop at once (no waiting for the
 * running jobs, no more lock renewals, no completion), then the rest closes.
 */
export async function killWorkers(app: INestApplicationContext): Promise<void> {
  const workers = workerHostsOf(app).flatMap((host) => workerOf(host) ?? []);
  await Promise.all(workers.map((worker) => worker.close(true)));
  await app.close();
}

function workerOf(host: WorkerHost): Worker | undefined {
  try {
    return host.worker;
  } catch {
    return undefined; // not started by this app
  }
}
