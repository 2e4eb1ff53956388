import { Module } from '@nestjs/common';

/** The `accounts` bounded context: its layers are filled in by the issue that implements it. */
@Module({})
export class AccountsModule {}
