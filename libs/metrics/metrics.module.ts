import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { QueueMetricsCollector } from './queue-metrics.collector';

@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        // A registry per app instance: tests that boot several apps in one process must not share counters.
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    QueueMetricsCollector,
  ],
  exports: [Registry],
})
export class MetricsModule {}
