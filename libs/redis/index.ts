export * from './redis.module';
export * from './redis-keys';
export * from './bounded-redis-options';
export * from './distinct-error-log';
export * from './redis-subscriber';
export * from './wait-until-ready';
