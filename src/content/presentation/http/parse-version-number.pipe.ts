import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError, toLatinDigits } from '#libs/ddd';

/**
 * `/versions/3` (or `/versions/۳` in Persian digits): a number that cannot be a version is simply
 * not found (no 400 that tells ids apart). The global ValidationPipe may already have turned the
 * segment into a number.
 */
@Injectable()
export class ParseVersionNumberPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const latin = typeof value === 'number' ? '' : toLatinDigits(value);
    const number = typeof value === 'number' ? value : /^[1-9]\d{0,8}$/.test(latin) ? Number(latin) : NaN;
    if (!Number.isSafeInteger(number) || number < 1) throw new NotFoundError('Version');
    return number;
  }
}
