import cluster, { type Worker } from 'node:cluster';
import { answerClusterMetricsRequests } from '#libs/metrics';

export interface ApiClusterOptions {
  /** HTTP processes to keep running (API_WORKERS). */
  workers: number;
  /** Set for every worker on top of the primary's own environment. */
  env: Record<string, string>;
  /** How long a worker may drain (SHUTDOWN_TIMEOUT_MS); the primary waits a little longer for them. */
  shutdownTimeoutMs: number;
  log: (line: string) => void;
  /** After every worker has exited: stops the local PostgreSQL and Redis start-up started, if any. */
  afterStop: () => Promise<void>;
}

/** A worker that served this long before it died was not failing to start: its replacement starts at once. */
const STABLE_AFTER_MS = 10_000;
const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 30_000;
/** Past the workers' own drain deadline, the primary kills whatever is left. */
const STOP_MARGIN_MS = 5_000;

/** The wait before replacing a worker, after `failures` crashes in a row: 250 ms, doubling, at most 30 s. */
export function restartDelayMs(failures: number): number {
  return Math.min(FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_RESTART_DELAY_MS);
}

/**
 * The primary of `API_WORKERS` HTTP processes (Node's cluster module): they share PORT, and the
 * primary hands out connections in turn. It serves nothing itself; migrations and the local
 * services ran once, here, before it forked (src/main.ts).
 *
 * - A worker that dies is replaced, after a delay that doubles while replacements keep dying
 *   (restartDelayMs), never in a tight loop. A worker that dies before any has listened means the
 *   service cannot start (a taken port, a bad database): the primary stops, exit code 1.
 * - SIGTERM or SIGINT: each worker drains as a single process does (drain-on-signals.ts), then
 *   `afterStop`, then exit 0 — or 1 if a worker did not stop cleanly in time.
 * - GET /metrics on any worker answers the sum over all of them (libs/metrics/cluster-metrics.ts).
 */
export function runApiCluster(options: ApiClusterOptions): void {
  const { log } = options;
  const listeningSince = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let started = false;
  let failures = 0;
  let stopping = false;
  let allExitedCleanly = true;

  answerClusterMetricsRequests();

  const fork = (): void => {
    const worker = cluster.fork(options.env);
    worker.once('listening', () => {
      listeningSince.set(worker, Date.now());
      if (!started && listeningSince.size === options.workers) {
        started = true;
        log(`API cluster: ${options.workers} HTTP processes serving (primary ${process.pid})`);
      }
    });
  };

  // A worker stays in cluster.workers for a moment after its exit (until its channel closes too).
  const running = (): Worker[] =>
    Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());

  const finish = async (): Promise<void> => {
    try {
      await options.afterStop();
    } catch (error) {
      log(`Stopping the local services failed: ${error instanceof Error ? error.message : String(error)}`);
      allExitedCleanly = false;
    }
    log(allExitedCleanly ? 'Stopped cleanly' : 'Stopped, not every API worker cleanly');
    process.exit(allExitedCleanly ? 0 : 1);
  };

  /** Drains every worker (SIGTERM), then finishes; past the deadline, kills what is left and exits 1. */
  const stopWorkers = (reason: string): void => {
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    const workers = running();
    log(`${reason}: draining ${workers.length} API workers`);
    // SIGTERM whatever the primary got: a worker the terminal already sent SIGINT drains once either way.
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      log(`API workers still running ${options.shutdownTimeoutMs + STOP_MARGIN_MS} ms later; killing them`);
      for (const worker of running()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, options.shutdownTimeoutMs + STOP_MARGIN_MS).unref();
    if (!workers.length) void finish();
  };

  const stop = (signal: NodeJS.Signals): void => {
    if (!stopping) stopWorkers(`${signal} received`);
  };

  cluster.on('exit', (worker, code, signal) => {
    const servedSince = listeningSince.get(worker);
    listeningSince.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      if (code !== 0) allExitedCleanly = false;
      if (!running().length) void finish();
      return;
    }
    if (!started && servedSince === undefined) {
      allExitedCleanly = false;
      stopWorkers(`API worker ${worker.process.pid} exited (${how}) before the service started`);
      return;
    }
    failures = servedSince !== undefined && Date.now() - servedSince >= STABLE_AFTER_MS ? 1 : failures + 1;
    const delay = restartDelayMs(failures);
    log(`API worker ${worker.process.pid} exited (${how}); starting another in ${delay} ms`);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, delay);
    restarts.add(timer);
  });

  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let i = 0; i < options.workers; i += 1) fork();
}
