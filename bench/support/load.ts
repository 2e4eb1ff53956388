import autocannon from 'autocannon';
import { benchSettings } from './settings';

export interface LoadOptions {
  connections?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  pipelining?: number;
  /** Requests per second over all connections, sent at that rate whatever the answers' pace; unset, as fast as they come back. */
  overallRate?: number;
  method?: autocannon.Options['method'];
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  /** Mean of the per-second request counts. */
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function fire(url: string, options: LoadOptions, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: options.connections ?? benchSettings.connections,
    duration: durationSeconds,
    pipelining: options.pipelining ?? 1,
    // autocannon treats a key set to undefined as a value, so only pass what the caller gave.
    ...(options.method && { method: options.method }),
    ...(options.overallRate !== undefined && { overallRate: options.overallRate }),
    ...(options.headers && { headers: options.headers }),
    ...(options.body !== undefined && { body: options.body }),
    // The server under test runs on this process's main thread; generating the load on a worker
    // thread keeps the two from taking turns on one event loop and halving both.
    workers: 1,
  });
}

/** Warms the target up (JIT, connection pools, caches), then measures it with autocannon. */
export async function measureLoad(url: string, options: LoadOptions = {}): Promise<LoadFigures> {
  const warmupSeconds = options.warmupSeconds ?? benchSettings.warmupSeconds;
  if (warmupSeconds > 0) await fire(url, options, warmupSeconds);
  const result = await fire(url, options, options.durationSeconds ?? benchSettings.durationSeconds);
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
