import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FakeOpenAiCommand, FakeOpenAiCommandMessage, FakeOpenAiProcessMessage } from './fake-openai-process';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The bench process's handle on the fake OpenAI server running in its own process
 * (`fake-openai-process.ts`, forked): the same controls the benchmarks use on `FakeOpenAiServer`,
 * each a round trip over IPC, so await them before the measurement they set up. The child is
 * killed when this process exits, and exits by itself when this process goes away without `stop()`.
 */
export class FakeOpenAiProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value?: number) => void; reject: (error: Error) => void }>();
  private exited: Error | undefined;
  private readonly killOnExit = () => void this.child.kill();

  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>/v1`, as `FakeOpenAiServer.baseUrl`. */
    readonly baseUrl: string,
  ) {
    process.once('exit', this.killOnExit);
    // Failed sends reach their command through its callback; nothing else to do with the event.
    child.on('error', () => undefined);
    child.on('message', (message: FakeOpenAiProcessMessage) => {
      if (message.type !== 'answer') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(`Fake OpenAI process: ${message.error}`));
      else waiting?.resolve(message.value);
    });
    child.once('exit', (code, signal) => {
      process.removeListener('exit', this.killOnExit);
      this.exited = new Error(`The fake OpenAI process exited (${signal ?? `code ${code}`})`);
      for (const waiting of this.pending.values()) waiting.reject(this.exited);
      this.pending.clear();
    });
  }

  static async start(options: { apiKey?: string } = {}): Promise<FakeOpenAiProcess> {
    // No inherited flags (--inspect, --cpu-prof): the child is a plain script.
    const child = fork(join(__dirname, 'fake-openai-process.js'), options.apiKey ? [options.apiKey] : [], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const killOnExit = () => void child.kill();
    process.once('exit', killOnExit);
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The fake OpenAI process did not start')), START_TIMEOUT_MS);
        child.once('error', reject);
        child.once('exit', (code, signal) =>
          reject(new Error(`The fake OpenAI process exited before it listened (${signal ?? `code ${code}`})`)),
        );
        child.on('message', (message: FakeOpenAiProcessMessage) => {
          if (message.type !== 'ready') return;
          clearTimeout(timer);
          resolve(message.baseUrl);
        });
      });
      child.removeAllListeners();
      return new FakeOpenAiProcess(child, baseUrl);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    } finally {
      process.removeListener('exit', killOnExit);
    }
  }

  /** The child's process id, for a profiler or `ps`. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  respondWith(text: string): Promise<void> {
    return this.command({ method: 'respondWith', text }).then(() => undefined);
  }

  setLatency(ms: number): Promise<void> {
    return this.command({ method: 'setLatency', ms }).then(() => undefined);
  }

  setChunkDelay(ms: number): Promise<void> {
    return this.command({ method: 'setChunkDelay', ms }).then(() => undefined);
  }

  reset(): Promise<void> {
    return this.command({ method: 'reset' }).then(() => undefined);
  }

  async requestCount(): Promise<number> {
    return (await this.command({ method: 'requestCount' })) ?? 0;
  }

  /** Closes the server, then the channel (the child exits on it); kills the child if it does not exit in time. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.command({ method: 'stop' }).catch(() => undefined);
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private command(command: FakeOpenAiCommand): Promise<number | undefined> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const message: FakeOpenAiCommandMessage = { ...command, id };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send(message, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }
}
