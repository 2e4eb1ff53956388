import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisServerArgs } from '../../src/bootstrap/local-services';
import { answersAsRedis, freePort, ServiceProcess } from '../../src/bootstrap/service-process';

/**
 * A private `redis-server` for tests that take Redis away: killed, paused or restarted on the
 * same port, never touching the machine's shared Redis. Without persistence, a restart starts empty.
 */
export class RedisServerProcess {
  private server?: ServiceProcess;

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
    const server = this.server;
    this.server = undefined;
    await server?.kill();
  }

  /** SIGSTOP: connections stay open and new ones are accepted by the kernel, but nothing answers. */
  pause(): void {
    this.server?.signal('SIGSTOP');
  }

  resume(): void {
    this.server?.signal('SIGCONT');
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
    this.server?.signal('SIGKILL');
    this.removeDir();
  }

  private removeDir(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async spawn(): Promise<void> {
    this.server = await ServiceProcess.start({
      name: 'redis-server',
      command: 'redis-server',
      args: redisServerArgs({ port: this.port, dir: this.dir, persistent: false }),
      ready: () => answersAsRedis({ host: '127.0.0.1', port: this.port, timeoutMs: 500 }, { ready: true }),
      startTimeoutMs: 10_000,
      stopSignal: 'SIGKILL',
    });
  }
}

// Servers still running when the test process exits (a failed beforeAll, a crash) are killed with it.
const running = new Set<RedisServerProcess>();
process.once('exit', () => running.forEach((server) => server.killNow()));
