import { Module } from '@nestjs/common';

/** The `content` bounded context: its layers are filled in by the issue that implements it. */
@Module({})
export class ContentModule {}
