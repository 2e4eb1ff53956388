import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import type { AppConfig } from '#libs/config';
import {
  addClientAddress,
  addSecurityHeaders,
  createValidationPipe,
  REQUEST_ID_HEADER,
  requestIdFor,
  setUpSwagger,
} from '#libs/http';
import { logRequests } from '#libs/logging';
import { recordHttpMetrics } from '#libs/metrics';
import { rootModuleFor } from './app.module';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application exactly as production runs it; e2e tests boot it through here too. */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    requestIdHeader: false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModuleFor(config), adapter, {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, PinoLogger.root);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  addClientAddress(fastify, config.http.clientAddressSecret);
  recordHttpMetrics(fastify, app.get(Registry));

  addSecurityHeaders(fastify);
  app.enableCors({
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Last-Event-ID'],
    exposedHeaders: [
      'X-Request-Id',
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-Total-Count',
      'Link',
    ],
    credentials: true,
    maxAge: 600,
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  setUpSwagger(app, API_PREFIX);
  return app;
}
