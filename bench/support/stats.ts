/** The value below which a fraction `p` (0–1) of the sorted samples fall (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Runs `body` three times to warm up, then `runs` times, and gives the latency percentiles in ms. */
export async function time(runs: number, body: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i += 1) await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}
