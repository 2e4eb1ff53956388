import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ClockModule } from '#libs/clock';
import { EncryptionModule } from '#libs/encryption';
import { ConfigModule, type AppConfig } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { HealthModule } from '#libs/health';
import { HttpExceptionFilter } from '#libs/http';
import { LoggingModule } from '#libs/logging';
import { MetricsHttpModule, MetricsModule, WorkerMetricsServer } from '#libs/metrics';
import { QueueModule } from '#libs/queue';
import { RateLimitModule } from '#libs/rate-limit';
import { RedisModule } from '#libs/redis';
import { AccountsModule, accountsWorkers } from './accounts';
import { AiModule } from './ai';
import { ContentModule, contentWorkers } from './content';
import { NotificationsModule, notificationsWorkers } from './notifications';
import { UsageModule } from './usage';

/*
 * `APP_ROLE` picks one of three root modules, all built from the same arrays: every process has the
 * platform (metrics included) and the bounded contexts (plain static modules); an API process adds
 * what serving HTTP needs (/metrics among it), a worker process the queue processors and a /metrics
 * listener of its own, and `all` both on one HTTP server. No context module asks which role it runs in.
 */
const platform = (config: AppConfig) => [
  ConfigModule.forRoot(config),
  ClockModule,
  EncryptionModule,
  LoggingModule,
  DatabaseModule,
  RedisModule,
  QueueModule,
  MetricsModule,
  ScheduleModule.forRoot(),
];
const contexts = [AccountsModule, NotificationsModule, ContentModule, AiModule, UsageModule];
const serving = [RateLimitModule, MetricsHttpModule, HealthModule];
const servingProviders: Provider[] = [{ provide: APP_FILTER, useClass: HttpExceptionFilter }];
const workers = (config: AppConfig): Provider[] => [
  ...accountsWorkers(),
  ...notificationsWorkers(config),
  ...contentWorkers(config),
];

/** `APP_ROLE=api`: HTTP only. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ApiModule, imports: [...platform(config), ...serving, ...contexts], providers: servingProviders };
  }
}

/** `APP_ROLE=worker`: queue processors only. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...platform(config), ...contexts],
      // It serves no HTTP: its metrics get a listener of their own (METRICS_PORT).
      providers: [...workers(config), WorkerMetricsServer],
    };
  }
}

/** `APP_ROLE=all` (the default): HTTP and the queue processors in one process. */
@Module({})
export class AllInOneModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [...platform(config), ...serving, ...contexts],
      providers: [...servingProviders, ...workers(config)],
    };
  }
}

export function rootModuleFor(config: AppConfig): DynamicModule {
  switch (config.role) {
    case 'api':
      return ApiModule.forRoot(config);
    case 'worker':
      return WorkerModule.forRoot(config);
    case 'all':
      return AllInOneModule.forRoot(config);
  }
}
