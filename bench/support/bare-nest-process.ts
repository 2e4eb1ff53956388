import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveFloor } from './floor-server';

@Controller('health')
class LiveController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [LiveController] })
class BareNestModule {}

/**
 * The framework's own floor for `/health/live`: a Nest application with that one controller on the
 * same FastifyAdapter, and nothing else (no guards, interceptors, pipes, hooks or headers), run as
 * bare-fastify-process.ts is (floor-server.ts).
 */
void serveFloor(async (port) => {
  const app = await NestFactory.create<NestFastifyApplication>(BareNestModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  return () => app.close();
});
