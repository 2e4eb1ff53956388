import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { bullConnectionOptions } from './bull-connection';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: bullConnectionOptions(config),
        prefix: `${config.redis.prefix}:bull`,
        defaultJobOptions: { removeOnComplete: { age: 86_400, count: 1000 }, removeOnFail: { age: 7 * 86_400 } },
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
