import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadFigures } from './load';
import type { PacedLoadJob, PacedLoadOutcome } from './paced-load-worker';
import { benchSettings } from './settings';
import { percentile } from './stats';

function fire(job: PacedLoadJob): Promise<PacedLoadOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'paced-load-worker.js'), { workerData: job });
    worker.once('message', (outcome: PacedLoadOutcome) => resolve(outcome));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`The load worker exited with ${code}`)));
  });
}

/**
 * `rate` requests a second, evenly spaced, over BENCH_CONNECTIONS keep-alive connections, generated
 * on a worker thread; latencies from each request's due time. autocannon's `overallRate` is not
 * used for this: it lets each connection send its whole second's share back to back at the top of
 * every second and then wait, so its "fixed rate" is a burst at full speed once a second.
 */
export async function measurePacedLoad(
  url: string,
  rate: number,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const job = { url, headers, rate, connections: benchSettings.connections };
  await fire({ ...job, seconds: benchSettings.warmupSeconds });
  const seconds = benchSettings.durationSeconds;
  const { latencies, failures } = await fire({ ...job, seconds });
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    requestsPerSecond: sorted.length / seconds,
    latencyMs: {
      mean: sorted.reduce((sum, ms) => sum + ms, 0) / (sorted.length || 1),
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    requests: sorted.length,
    errors: failures,
    timeouts: 0,
    non2xx: 0,
  };
}
