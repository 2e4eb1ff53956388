import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { loadConfig, type AppConfig } from '#libs/config';
import { HealthController } from '../../../libs/health/health.controller';
import { WorkerMetricsServer } from '../../../libs/metrics';
import { MetricsController } from '../../../libs/metrics/metrics.controller';
import { rootModuleFor } from '../../../src/app.module';
import { isolatedRedisPrefix } from '../../support/auth-helpers';
import { startedWorkersOf } from '../../support/queue-workers';

type Role = AppConfig['role'];

// Values no default has, so that the worker can only have them from this configuration.
const GENERATION_SETTINGS = { AI_CONCURRENCY: '3', AI_RATE_LIMIT_PER_MINUTE: '42', AI_JOB_LOCK_MS: '7000' };

const ALL_QUEUES = [
  'accounts-maintenance',
  'accounts-sms',
  'ai-generation',
  'ai-maintenance',
  'content-reviews',
  'sms-alert',
  'webhook-delivery',
];

/** `rootModuleFor(config)` for each APP_ROLE, booted as the process would (minus the HTTP listener). */
describe('root modules per APP_ROLE', () => {
  const apps = new Map<Role, INestApplicationContext>();

  beforeAll(async () => {
    for (const role of ['api', 'worker', 'all'] as const) {
      // A prefix of its own per root: its workers must not take other test files' jobs.
      const config = loadConfig({
        ...process.env,
        ...GENERATION_SETTINGS,
        APP_ROLE: role,
        REDIS_PREFIX: isolatedRedisPrefix(),
      });
      const app = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
      await app.init();
      apps.set(role, app);
    }
  });

  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  const appFor = (role: Role): INestApplicationContext => {
    const app = apps.get(role);
    if (!app) throw new Error(`no ${role} root`);
    return app;
  };

  it.each(['worker', 'all'] as const)(
    'APP_ROLE=%s runs the ai-generation worker with the configured concurrency, limiter and one allowed stall',
    (role) => {
      const generation = startedWorkersOf(appFor(role)).get('ai-generation');

      expect(generation).toBeDefined();
      expect(generation?.opts).toMatchObject({
        concurrency: 3,
        limiter: { max: 42, duration: 60_000 },
        maxStalledCount: 1,
        lockDuration: 7_000,
        stalledInterval: 7_000,
      });
    },
  );

  it.each(['worker', 'all'] as const)(
    'APP_ROLE=%s runs exactly the generation, generation maintenance, review maintenance, sms, accounts maintenance and webhook workers',
    (role) => {
      expect([...startedWorkersOf(appFor(role)).keys()].sort()).toEqual(ALL_QUEUES);
    },
  );

  it('APP_ROLE=api runs no queue worker', () => {
    expect([...startedWorkersOf(appFor('api')).keys()]).toEqual([]);
  });

  function operationsOf(role: Role): {
    metricsRegistries: number;
    metricsController: boolean;
    workerMetricsServer: boolean;
    healthController: boolean;
  } {
    const discovery = appFor(role).get(DiscoveryService, { strict: false });
    return {
      metricsRegistries: discovery.getProviders().filter((wrapper) => wrapper.instance instanceof Registry).length,
      metricsController: discovery.getControllers().some((wrapper) => wrapper.metatype === MetricsController),
      workerMetricsServer: discovery.getProviders().some((wrapper) => wrapper.instance instanceof WorkerMetricsServer),
      healthController: discovery.getControllers().some((wrapper) => wrapper.metatype === HealthController),
    };
  }

  it.each(['api', 'all'] as const)(
    'APP_ROLE=%s has one metrics registry, served with health on the HTTP server, and no metrics listener of its own',
    (role) => {
      expect(operationsOf(role)).toEqual({
        metricsRegistries: 1,
        metricsController: true,
        workerMetricsServer: false,
        healthController: true,
      });
    },
  );

  it('APP_ROLE=worker has one metrics registry, served by a listener of its own (METRICS_PORT), and no HTTP controllers', () => {
    expect(operationsOf('worker')).toEqual({
      metricsRegistries: 1,
      metricsController: false,
      workerMetricsServer: true,
      healthController: false,
    });
  });
});
