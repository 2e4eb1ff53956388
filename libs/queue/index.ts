export * from './bull-connection';
export * from './queue.module';
export * from './reconnecting-worker';
