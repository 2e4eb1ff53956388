import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#libs/config';

/** The `content` bounded context. Controllers are mounted when the process serves HTTP, processors when it runs workers. */
@Module({})
export class ContentModule {
  static forRole(_config: AppConfig): DynamicModule {
    return { module: ContentModule };
  }
}
