import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcessOptions {
  /** For messages: "PostgreSQL", "redis-server". */
  name: string;
  command: string;
  args: string[];
  /**
   * Output is appended to this file instead of a pipe, so that the server never depends on this
   * process to drain its output. Without it, the last 2,000 characters are kept in memory.
   */
  logFile?: string;
  /** Run as this user: PostgreSQL refuses to run as root. */
  user?: { uid: number; gid: number };
  /**
   * A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and the
   * server must outlive Contexor's drain, which stops it last (see drain-on-signals.ts).
   */
  detached?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Answers once the server takes requests; polled every 50 ms. */
  ready: () => Promise<boolean>;
  startTimeoutMs: number;
  /** The signal for a clean stop: SIGINT is PostgreSQL's fast shutdown, SIGTERM Redis's. */
  stopSignal: NodeJS.Signals;
}

/**
 * A server process this process started and stops: a local PostgreSQL or Redis for development and
 * tests. If this process exits first (a failed start-up, a drain past its deadline), the server is
 * sent its stop signal on the way out and shuts down cleanly by itself.
 */
export class ServiceProcess {
  private outputTail = '';

  private constructor(
    private readonly options: ServiceProcessOptions,
    private readonly child: ChildProcess,
    private readonly exit: Promise<void>,
  ) {}

  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const log = options.logFile ? openSync(options.logFile, 'a') : undefined;
    let child: ChildProcess;
    try {
      child = spawn(options.command, options.args, {
        stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
        detached: options.detached ?? false,
        env: options.env ?? process.env,
        ...options.user,
      });
    } finally {
      if (log !== undefined) closeSync(log);
    }
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));
    const server = new ServiceProcess(options, child, exit);
    const keep = (chunk: Buffer) => (server.outputTail = (server.outputTail + chunk.toString()).slice(-2000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    running.add(server);
    void exit.then(() => running.delete(server));

    const deadline = Date.now() + options.startTimeoutMs;
    for (;;) {
      if (spawnError) throw new Error(`${options.name} could not be started: ${spawnError.message}`);
      if (!server.running) throw new Error(`${options.name} exited with code ${child.exitCode}: ${server.output()}`);
      if (await options.ready()) return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`${options.name} did not answer within ${options.startTimeoutMs} ms: ${server.output()}`);
      }
      await sleep(50);
    }
  }

  get stopSignal(): NodeJS.Signals {
    return this.options.stopSignal;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The stop signal, then a wait for the exit; SIGKILL after `timeoutMs`. Safe to call twice. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.signal(this.options.stopSignal);
    const timer = setTimeout(() => this.signal('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** SIGKILL (after SIGCONT, in case it was paused), then a wait for the exit. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.signal('SIGCONT');
    this.signal('SIGKILL');
    await this.exit;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** The end of the server's output, for an error message. */
  output(): string {
    if (!this.options.logFile) return this.outputTail.trim();
    try {
      return readFileSync(this.options.logFile, 'utf8').slice(-2000).trim();
    } catch {
      return '';
    }
  }
}

const running = new Set<ServiceProcess>();
process.once('exit', () => running.forEach((server) => server.signal(server.stopSignal)));

/** Whether nothing listens on `port` at `host`, by listening there for a moment. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** A port nothing listens on at 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ProbeTarget {
  host: string;
  port: number;
  tls?: boolean;
  timeoutMs?: number;
}

/**
 * Whether a PostgreSQL server answers at the target: it replies 'S' or 'N' to an SSLRequest, before
 * any authentication, whatever the database or the password.
 */
export function answersAsPostgres(target: ProbeTarget): Promise<boolean> {
  const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
  return probe({ ...target, tls: false }, sslRequest, (reply) => reply[0] === 0x53 || reply[0] === 0x4e);
}

/**
 * Whether a Redis server answers at the target. `ready` insists on PONG; otherwise an error reply
 * (NOAUTH, LOADING) counts as Redis answering too.
 */
export function answersAsRedis(target: ProbeTarget, { ready = false } = {}): Promise<boolean> {
  return probe(target, Buffer.from('PING\r\n'), (reply) =>
    ready ? reply.toString().startsWith('+PONG') : reply[0] === 0x2b || reply[0] === 0x2d,
  );
}

function probe(target: ProbeTarget, request: Buffer, accepts: (reply: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = target.tls
      ? connectTls({ host: target.host, port: target.port, servername: target.host })
      : new Socket().connect(target.port, target.host);
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(target.timeoutMs ?? 1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.once('data', (reply: Buffer) => done(accepts(reply)));
    socket.once(target.tls ? 'secureConnect' : 'connect', () => socket.write(request));
  });
}
