import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function cpuTicksOf(pid: number): number {
  // Fields after "pid (comm) ": state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU time (user + system, ms) used so far by `pid` and every process below it (cluster workers),
 * from /proc; undefined where there is no /proc. Divided by the requests served between two
 * readings, it gives the server's cost per request, which moves far less from run to run than
 * throughput does on a machine whose cores the load generator shares.
 */
export function processTreeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const ticks = [pid, ...descendants(pid)].reduce((sum, each) => sum + cpuTicksOf(each), 0);
    return (ticks * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}
