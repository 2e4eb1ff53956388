import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { HealthModule } from '#libs/health';
import { HttpExceptionFilter } from '#libs/http';
import { LoggingModule } from '#libs/logging';
import { MetricsModule } from '#libs/metrics';
import { QueueModule } from '#libs/queue';
import { RateLimitModule } from '#libs/rate-limit';
import { RedisModule } from '#libs/redis';
import { AccountsModule } from './accounts';
import { AiModule } from './ai';
import { ContentModule } from './content';
import { UsageModule } from './usage';

/** The whole service. `APP_ROLE` decides whether this process serves HTTP, runs queue workers, or both. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const platform = [
      ConfigModule.forRoot(config),
      LoggingModule,
      DatabaseModule,
      RedisModule,
      QueueModule,
      ScheduleModule.forRoot(),
    ];
    const http = config.runsHttp ? [RateLimitModule, MetricsModule, HealthModule] : [];
    return {
      module: AppModule,
      imports: [
        ...platform,
        ...http,
        AccountsModule.forRole(config),
        ContentModule.forRole(config),
        AiModule.forRole(config),
        UsageModule.forRole(config),
      ],
      providers: config.runsHttp ? [{ provide: APP_FILTER, useClass: HttpExceptionFilter }] : [],
    };
  }
}
