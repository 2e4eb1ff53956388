import { Module } from '@nestjs/common';

/** The `ai` bounded context: its layers are filled in by the issue that implements it. */
@Module({})
export class AiModule {}
