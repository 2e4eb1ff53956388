/**
 * One file `bench/<name>.bench.ts` per benchmark, exporting `benchmark`; `bench/run.ts` finds them
 * by that suffix. A benchmark prints figures and never asserts a time limit: numbers on a shared
 * machine vary too much for a pass/fail line.
 */
export interface Benchmark {
  /** Matched against the filter in `npm run bench -- <filter>`. */
  name: string;
  description: string;
  run(): Promise<void>;
}
