import 'reflect-metadata';
import cluster from 'node:cluster';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

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
 * same FastifyAdapter, and nothing else (no guards, interceptors, pipes, hooks or headers). Run like
 * bare-fastify-process.ts: port and worker count as arguments, `ready` over IPC once all listen.
 */
async function main(): Promise<void> {
  const [port, workers] = process.argv.slice(2).map(Number) as [number, number];
  if (cluster.isPrimary && workers > 1) {
    let listening = 0;
    for (let i = 0; i < workers; i += 1)
      cluster.fork().once('listening', () => {
        listening += 1;
        if (listening === workers) process.send?.('ready');
      });
    process.once('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.once('exit', () => process.exit(0));
    });
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(BareNestModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  if (cluster.isPrimary) process.send?.('ready');
}

void main();
