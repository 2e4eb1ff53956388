import 'reflect-metadata';
import { readdir } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './support/benchmark';

const SUFFIX = '.bench.js';

// Other work on the machine skews every figure; printing the load average makes a noisy run visible.
const loadAverage = () => (loadavg()[0] ?? 0).toFixed(2);

function isBenchmark(value: unknown): value is Benchmark {
  const candidate = value as Partial<Benchmark> | undefined;
  return typeof candidate?.name === 'string' && typeof candidate.run === 'function';
}

/** Every `bench/*.bench.ts` (compiled beside this file), in file-name order. */
async function discover(): Promise<Benchmark[]> {
  const files = (await readdir(__dirname)).filter((file) => file.endsWith(SUFFIX)).sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const loaded = (await import(pathToFileURL(join(__dirname, file)).href)) as {
      benchmark?: unknown;
      default?: { benchmark?: unknown };
    };
    const benchmark = loaded.benchmark ?? loaded.default?.benchmark;
    if (!isBenchmark(benchmark)) throw new Error(`${file} must export \`benchmark\` ({ name, description, run })`);
    benchmarks.push(benchmark);
  }
  return benchmarks;
}

/** `npm run bench` runs them all; `npm run bench -- health ai` runs those whose name contains a filter. */
async function main(): Promise<void> {
  const filters = process.argv.slice(2).map((filter) => filter.toLowerCase());
  const all = await discover();
  const selected = filters.length
    ? all.filter((benchmark) => filters.some((filter) => benchmark.name.toLowerCase().includes(filter)))
    : all;
  if (!selected.length) {
    process.stderr.write(
      `No benchmark matches "${filters.join(' ')}". Available: ${all.map((benchmark) => benchmark.name).join(', ')}\n`,
    );
    process.exitCode = 1;
    return;
  }

  process.stdout.write(
    `Node ${process.version}, ${availableParallelism()} CPUs, ${process.platform}/${process.arch}\n`,
  );
  for (const benchmark of selected) {
    process.stdout.write(`\n== ${benchmark.name}: ${benchmark.description} (load average ${loadAverage()})\n`);
    const started = performance.now();
    await benchmark.run();
    process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s, load average ${loadAverage()})\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
