import { Worker } from 'node:worker_threads';

/**
 * The encoder runs in a thread of its own: building it from the o200k_base rank takes about
 * 0.8 s of CPU, which on the main thread would stall every request of the process when the first
 * generation asks for a count. Texts go over as one message and their counts come back.
 * Plain JavaScript evaluated in the thread (no build step), loading the package's CommonJS files
 * by the paths the main thread resolved.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Tiktoken } = require(workerData.lite);
const encoder = new Tiktoken(require(workerData.rank));
parentPort.on('message', ({ id, texts }) => {
  try {
    parentPort.postMessage({ id, counts: texts.map((text) => encoder.encode(text, [], []).length) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Pending = { resolve: (counts: number[]) => void; reject: (error: Error) => void };

export class TokenCountingThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** Token counts of each text (special-token look-alikes counted as plain text). */
  count(texts: string[]): Promise<number[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<number[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: {
        lite: require.resolve('js-tiktoken/lite'),
        rank: require.resolve('js-tiktoken/ranks/o200k_base'),
      },
    });
    // An idle thread never keeps the process alive; one with counts outstanding does.
    worker.unref();
    worker.on('message', (message: { id: number; counts?: number[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!this.pending.size) worker.unref();
      if (message.counts) waiting?.resolve(message.counts);
      else waiting?.reject(new Error(`Token counting failed: ${message.error ?? 'unknown error'}`));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The token counting thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
