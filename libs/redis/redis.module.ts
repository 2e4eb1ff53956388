import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { boundedRedisOptions } from './bounded-redis-options';
import { DistinctErrorLog } from './distinct-error-log';
import { waitUntilReady } from './wait-until-ready';

/**
 * One shared ioredis connection for commands (OTP state, rate limits, pub/sub publishing), bounded
 * by REDIS_COMMAND_TIMEOUT_MS (see boundedRedisOptions). BullMQ opens its own connections (libs/queue).
 */
@Global()
@Module({
  providers: [
    {
      provide: Redis,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new Redis(config.redis.url, { ...boundedRedisOptions(config), connectionName: 'contexor' });
        const errors = new DistinctErrorLog('Redis');
        redis.on('error', (error: Error) => errors.report('shared connection', error));
        redis.on('ready', () => errors.recovered('shared connection'));
        await waitUntilReady(redis, config.redis.commandTimeoutMs);
        return redis;
      },
    },
  ],
  exports: [Redis],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // QUIT lets pending replies arrive; a connection that is not up is simply dropped.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
