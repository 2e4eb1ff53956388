import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

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
