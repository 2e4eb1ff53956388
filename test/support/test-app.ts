import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { loadConfig, type AppConfig } from '#libs/config';
import { createHttpApp } from '../../src/http-app';
import openApiMetadata from './openapi-metadata';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The Node server for supertest. */
  server: NestFastifyApplication['getHttpServer'] extends () => infer S ? S : never;
  close(): Promise<void>;
}

/** Boots the real application (Fastify, pipes, filters, PostgreSQL, Redis) with optional extra settings. */
export async function bootTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, ...env });
  // SWC runs no Nest CLI plugin: give Swagger what the plugin gives `nest build` (npm run openapi:metadata).
  await SwaggerModule.loadPluginMetadata(openApiMetadata);
  const app = await createHttpApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, config, server: app.getHttpServer(), close: () => app.close() };
}
