import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '#libs/ddd';

/** The one binding of the time source; tests override it with `overrideProvider(Clock)`. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
