import Fastify from 'fastify';
import { bootBenchApp } from './support/bench-app';
import type { Benchmark } from './support/benchmark';
import { measureLoad, type LoadFigures } from './support/load';
import { benchSettings } from './support/settings';
import { LOAD_HEADER, loadRow, printTable, ratio } from './support/table';

interface Target {
  name: string;
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

const nest: Target = {
  name: 'Nest (full app)',
  async start() {
    const bench = await bootBenchApp();
    return { url: `${bench.baseUrl}/health/live`, close: bench.close };
  },
};

// The floor: the same route on the same Fastify version with nothing around it.
const bareFastify: Target = {
  name: 'bare Fastify',
  async start() {
    const server = Fastify({ logger: false });
    server.get('/health/live', async () => ({ status: 'ok' }));
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    return { url: `${address}/health/live`, close: () => server.close() };
  },
};

export const benchmark: Benchmark = {
  name: 'health-live',
  description: 'GET /health/live through the whole Nest stack against a bare Fastify route',
  async run() {
    process.stdout.write(
      `${benchSettings.connections} connections, pipelining 1, ${benchSettings.warmupSeconds} s warm-up + ${benchSettings.durationSeconds} s per target, one target at a time\n\n`,
    );
    const figures = new Map<Target, LoadFigures>();
    for (const target of [nest, bareFastify]) {
      const server = await target.start();
      try {
        figures.set(target, await measureLoad(server.url));
      } finally {
        await server.close();
      }
    }

    printTable(
      LOAD_HEADER,
      [...figures].map(([target, result]) => loadRow(target.name, result)),
    );
    const nestFigures = figures.get(nest);
    const bareFigures = figures.get(bareFastify);
    if (nestFigures && bareFigures) {
      process.stdout.write(
        `\nNest/bare: throughput ${ratio(nestFigures.requestsPerSecond, bareFigures.requestsPerSecond)}, p99 latency ${ratio(nestFigures.latencyMs.p99, bareFigures.latencyMs.p99)}\n`,
      );
    }
  },
};
