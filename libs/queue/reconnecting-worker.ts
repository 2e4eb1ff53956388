import { Worker, type WorkerOptions } from 'bullmq';
import { workerConnectionOf } from './bull-connection';

/**
 * The Worker class @nestjs/bullmq creates for every @Processor. It builds a worker with its
 * queue's connection options, which are the producers' bounded ones; this gives the worker the
 * connection that waits for Redis (workerConnectionOf), so that no processor has to say so.
 */
export class ReconnectingWorker extends Worker {
  constructor(name: string, processor: ConstructorParameters<typeof Worker>[1], opts: WorkerOptions) {
    super(name, processor, { ...opts, connection: workerConnectionOf(opts.connection) });
  }
}
