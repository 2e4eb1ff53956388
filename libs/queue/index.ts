export * from './bull-prefix';
export * from './bull-connection';
export * from './queue.module';
export * from './reconnecting-worker';
export { workerOf } from './queue-error-logger';
