import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid, NotFoundError } from '#libs/ddd';

/** An id that cannot exist is simply not found: no 400 or 500 that would tell ids apart. */
@Injectable()
export class ParseUuidOr404Pipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError('Resource');
    return value;
  }
}
