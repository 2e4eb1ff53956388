import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { benchSettings } from './settings';

/**
 * Runs `body` under V8's sampling profiler when BENCH_PROFILE_DIR is set, and writes
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools or speedscope); otherwise just runs it.
 * Only the phase of interest is profiled, not the set-up and warm-up around it.
 */
export async function profiled<T>(name: string, body: () => Promise<T>): Promise<T> {
  const dir = benchSettings.profileDir;
  if (!dir) return body();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await body();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = join(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
    process.stdout.write(`CPU profile of "${name}": ${file}\n`);
  }
}
