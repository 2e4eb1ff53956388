export * from './bull-connection';
export * from './queue.module';
