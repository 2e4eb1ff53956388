import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/*
 * API_WORKERS > 1: a scrape of GET /metrics lands on any one of the HTTP processes, yet must show the
 * whole server, or each scrape would see another process's counters. So a worker asks the primary,
 * which gathers every worker's registry (prom-client's AggregatorRegistry: counters and histograms
 * added up, gauges by each one's `aggregator`) and answers with the sum.
 */

const REQUEST = 'contexor:cluster-metrics-request';
const RESPONSE = 'contexor:cluster-metrics-response';
/** prom-client gives up on a worker that does not answer within 5 s; this waits a little longer. */
const ANSWER_TIMEOUT_MS = 7_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary of an API cluster: answers each worker's request for the metrics of all of them. */
export function answerClusterMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Partial<MetricsRequest> | undefined) => {
    if (message?.type !== REQUEST || typeof message.id !== 'number') return;
    const id = message.id;
    const answer = (response: Omit<MetricsResponse, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id, ...response } satisfies MetricsResponse);
    };
    aggregator.clusterMetrics().then(
      (text) => answer({ text }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** True in an HTTP process forked by the API cluster's primary. */
export function inApiCluster(): boolean {
  return cluster.isWorker;
}

/** In a worker: `registry` is what this process adds to the primary's sum. */
export function shareWithClusterPrimary(registry: Registry): void {
  // Constructing one makes prom-client answer the primary's requests from this process.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

let nextId = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
let listening = false;

/** In a worker: the metrics of every worker of the cluster, from the primary. */
export function clusterMetrics(): Promise<string> {
  const send = process.send?.bind(process);
  if (!send) return Promise.reject(new Error('Not a cluster worker'));
  if (!listening) {
    listening = true;
    process.on('message', (message: Partial<MetricsResponse> | undefined) => {
      if (message?.type !== RESPONSE || typeof message.id !== 'number') return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.text !== undefined) waiting?.resolve(message.text);
      else waiting?.reject(new Error(`The cluster's metrics could not be gathered: ${message.error ?? 'no answer'}`));
    });
  }
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`The cluster's primary did not send the metrics within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    pending.set(id, {
      resolve: (text) => {
        clearTimeout(timer);
        resolve(text);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    send({ type: REQUEST, id } satisfies MetricsRequest);
  });
}
