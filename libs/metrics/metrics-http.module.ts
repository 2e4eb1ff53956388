import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` on the HTTP server, for the roles that serve HTTP. */
@Module({ controllers: [MetricsController] })
export class MetricsHttpModule {}
