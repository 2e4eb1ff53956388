import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '#libs/http';

const CHECK_TIMEOUT_MS = 1500;

type CheckResult = { status: 'up'; latencyMs: number } | { status: 'down'; error: string };

async function timed(check: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('Operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(Redis) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up and serving HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis both answer; 503 in the error shape naming what is down' })
  @ApiOkResponse({ description: '`{status: "ok", checks: {database, redis}}`' })
  @ApiServiceUnavailableResponse({ description: 'Error body with code `NOT_READY` and `details.checks`' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() =>
        this.redis.status === 'ready'
          ? this.redis.ping()
          : Promise.reject(new Error(`connection ${this.redis.status}`)),
      ),
    ]);
    const checks = { database, redis };
    if (database.status === 'up' && redis.status === 'up') return { status: 'ok', checks };
    const down = Object.entries(checks)
      .filter(([, result]) => result.status === 'down')
      .map(([name]) => name);
    void reply.status(503);
    return {
      statusCode: 503,
      code: 'NOT_READY',
      message: `Not ready: ${down.join(' and ')} unavailable`,
      details: { checks },
      requestId: String(reply.request.id),
    };
  }
}
