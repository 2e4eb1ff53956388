export * from './rate-limiter';
export * from './redis-rate-limiter';
export * from './rate-limit.decorator';
export * from './rate-limit.interceptor';
export * from './rate-limit.module';
