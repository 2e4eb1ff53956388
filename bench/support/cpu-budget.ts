import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux that Node runs on. */
const TICKS_PER_SECOND = 100;

export interface CpuSplit {
  /** CPU time of the whole machine, every core and process (the kernel's included), in ms. */
  machineMs: number;
  /** This process (the app under test and the benchmark's own client), in ms. */
  thisProcessMs: number;
  /** Another process named by pid (the fake OpenAI), in ms. */
  otherProcessMs: number;
  /** Wall-clock time of the phase, in ms, and how many cores the machine has. */
  wallMs: number;
}

function machineTicks(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user, nice, system, irq, softirq, steal: time the cores were busy (idle and iowait left out).
    const busy = [0, 1, 2, 5, 6, 7].map((i) => fields[i] ?? 0);
    return busy.reduce((sum, ticks) => sum + ticks, 0);
  } catch {
    return undefined;
  }
}

function processTicks(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Where the machine's CPU went during `body`: all of it, this process's, and one other process's
 * (Linux /proc; undefined elsewhere). What is left is PostgreSQL, Redis and the kernel's network
 * work, which a throughput goal has to share the same cores with.
 */
export async function measureCpu<T>(
  otherPid: number | undefined,
  body: () => Promise<T>,
): Promise<{ result: T; split?: CpuSplit }> {
  const machineBefore = machineTicks();
  const otherBefore = processTicks(otherPid);
  const thisBefore = process.cpuUsage();
  const started = performance.now();
  const result = await body();
  const wallMs = performance.now() - started;
  const thisUsage = process.cpuUsage(thisBefore);
  const machineAfter = machineTicks();
  if (machineBefore === undefined || machineAfter === undefined) return { result };
  const msOf = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return {
    result,
    split: {
      machineMs: msOf(machineAfter - machineBefore),
      thisProcessMs: (thisUsage.user + thisUsage.system) / 1000,
      otherProcessMs: msOf(processTicks(otherPid) - otherBefore),
      wallMs,
    },
  };
}
