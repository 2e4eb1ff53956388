import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so that RSS figures are not whatever garbage happened to be around:
 * `global.gc` when node runs with --expose-gc, otherwise the flag is set at run time (a V8 flag,
 * read when a new context is made).
 */
function collector(): (() => void) | undefined {
  if (typeof global.gc === 'function') return () => void global.gc?.();
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gc = collector();

/** Whether `settledRss` collects garbage first (otherwise it only samples). */
export const collectsGarbage = gc !== undefined;

/** The process's resident set in MiB, after a full collection when one can be forced. */
export async function settledRssMb(): Promise<number> {
  if (gc) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Samples RSS every `everyMs` until stopped; `stop()` gives the highest sample in MiB. */
export function sampleRss(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}
