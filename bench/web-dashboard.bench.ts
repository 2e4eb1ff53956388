import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Benchmark } from './support/benchmark';

/**
 * The dashboard's own benchmark (web/bench/dashboard.bench.ts), run in Debian's Chromium against
 * the built API and dashboard: gzipped JavaScript per route and the time to show 100 contents.
 */
export const benchmark: Benchmark = {
  name: 'web-dashboard',
  description:
    'Dashboard in Chromium: gzipped JavaScript per route (budget 250 kB), time to show a list of 100 contents (budget p95 300 ms)',
  run: () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn('npm', ['--prefix', 'web', 'run', 'bench'], {
        cwd: join(__dirname, '..', '..'),
        stdio: 'inherit',
      });
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`the dashboard benchmark exited with ${code}`)),
      );
    }),
};
