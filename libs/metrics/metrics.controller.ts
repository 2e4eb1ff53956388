import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '#libs/http';
import { clusterMetrics, inApiCluster } from './cluster-metrics';

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    // Under API_WORKERS > 1, whichever process answers gives the sum over all of them.
    return inApiCluster() ? clusterMetrics() : this.registry.metrics();
  }
}
