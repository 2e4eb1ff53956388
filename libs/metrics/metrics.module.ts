import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { inApiCluster, shareWithClusterPrimary } from './cluster-metrics';
import { DatabaseMetricsCollector } from './database-metrics.collector';
import { QueueMetricsCollector } from './queue-metrics.collector';
import { RedisMetricsCollector } from './redis-metrics.collector';

/**
 * The process's one Prometheus registry, in every role: the contexts' adapters and processors make
 * their instruments in it (see instruments.ts), and the platform's collectors read the process,
 * PostgreSQL's pool, Redis and the queues. Who serves it depends on the role: `/metrics` on the HTTP
 * server (MetricsHttpModule) in the api and all roles, WorkerMetricsServer on METRICS_PORT in a
 * worker-only process.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        // A registry per app instance: tests that boot several apps in one process must not share counters.
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        // An HTTP process of an API cluster: the primary adds this one to every other's (cluster-metrics.ts).
        if (inApiCluster()) shareWithClusterPrimary(registry);
        return registry;
      },
    },
    QueueMetricsCollector,
    DatabaseMetricsCollector,
    RedisMetricsCollector,
  ],
  exports: [Registry],
})
export class MetricsModule {}
