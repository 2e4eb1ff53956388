import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TIMEOUT_MS = 10_000;

/**
 * A private `redis-server` for tests that take Redis away: killed, paused or restarted on the
 * same port, never touching the machine's shared Redis. Without persistence, a restart starts empty.
 */
export class RedisServerProcess {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** Starts a server on a free port, in its own directory under the OS temp dir. */
  static async start(): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(await freePort(), mkdtempSync(join(tmpdir(), 'contexor-redis-')));
    running.add(server);
    try {
      await server.spawn();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** SIGKILL: connections drop at once and the port refuses new ones. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP: connections stay open and new ones are accepted by the kernel, but nothing answers. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Kills the server if it runs and starts a new, empty one on the same port. */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  /** Kills the server and removes its directory; safe to call twice. */
  async stop(): Promise<void> {
    await this.kill();
    this.removeDir();
    running.delete(this);
  }

  /** Synchronous, for the process's exit. */
  killNow(): void {
    this.child?.kill('SIGKILL');
    this.removeDir();
  }

  private removeDir(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async spawn(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answersPing(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${this.port}: ${output}`);
      await sleep(25);
    }
  }
}

// Servers still running when the test process exits (a failed beforeAll, a crash) are killed with it.
const running = new Set<RedisServerProcess>();
process.once('exit', () => running.forEach((server) => server.killNow()));

function freePort(): Promise<number> {
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

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data: Buffer) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}
