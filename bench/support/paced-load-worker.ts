import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface PacedLoadJob {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
}

export interface PacedLoadOutcome {
  /** Milliseconds from each request's scheduled start to its answer's last byte, for 2xx answers. */
  latencies: Float64Array;
  failures: number;
}

/**
 * Open-loop load: request i is due at `start + i / rate` whatever happened to the ones before, and
 * its latency is counted from when it was due, so a stalled server is charged for the requests it
 * delayed (no coordinated omission). Answers come over at most `connections` keep-alive sockets; a
 * request waiting for a free socket is waiting in the latency too.
 */
async function run({ url, headers, rate, seconds, connections }: PacedLoadJob): Promise<PacedLoadOutcome> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  let answered = 0;
  let failures = 0;
  let settled = 0;
  let allSettled: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSettled = resolve));
  const settle = () => {
    settled += 1;
    if (settled === total) allSettled();
  };
  const send = (due: number) => {
    const outgoing = request(url, { agent, headers }, (response) => {
      response.resume();
      response.once('end', () => {
        if (response.statusCode !== undefined && response.statusCode < 300)
          latencies[answered++] = performance.now() - due;
        else failures += 1;
        settle();
      });
    });
    outgoing.once('error', () => {
      failures += 1;
      settle();
    });
    outgoing.end();
  };
  const start = performance.now() + 5;
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + (next * 1000) / rate <= now) {
      send(start + (next * 1000) / rate);
      next += 1;
    }
    // Timers fire with about a millisecond's precision: requests go out within ~1 ms of when they are due.
    if (next < total)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (next * 1000) / rate - now)));
  }
  await done;
  agent.destroy();
  return { latencies: latencies.slice(0, answered), failures };
}

void run(workerData as PacedLoadJob).then((outcome) => parentPort?.postMessage(outcome));
