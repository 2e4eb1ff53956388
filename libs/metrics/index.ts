export * from './cluster-metrics';
export * from './http-metrics';
export * from './instruments';
export * from './metrics.module';
export * from './metrics-http.module';
export * from './worker-metrics.server';
