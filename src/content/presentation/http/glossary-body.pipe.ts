import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldInvalidError, type FieldError } from '#libs/ddd';
import { GLOSSARY_LIMITS, type GlossaryEntry } from '../../domain/style';
import { GlossaryEntryDto } from './dto/style.dto';

/**
 * PUT /organizations/:orgId/glossary's body is a bare array, which the global pipe does not look
 * into: each entry is validated here with the same rules and the same 400 VALIDATION_FAILED, its
 * fields named by index (`3.term`).
 */
@Injectable()
export class GlossaryBodyPipe implements PipeTransform<unknown, Promise<GlossaryEntry[]>> {
  async transform(value: unknown): Promise<GlossaryEntry[]> {
    if (!Array.isArray(value)) throw new FieldInvalidError('body', 'must be an array of {term, preferred?, forbidden}');
    if (value.length > GLOSSARY_LIMITS.entries) {
      throw new FieldInvalidError('body', `at most ${GLOSSARY_LIMITS.entries} entries`);
    }
    const fields: FieldError[] = [];
    const entries: GlossaryEntry[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        fields.push({ field: String(index), messages: ['must be an object'] });
        continue;
      }
      const entry = plainToInstance(GlossaryEntryDto, item);
      const errors = await validate(entry, {
        whitelist: true,
        forbidNonWhitelisted: true,
        validationError: { target: false, value: false },
      });
      for (const error of errors) {
        fields.push({ field: `${index}.${error.property}`, messages: Object.values(error.constraints ?? {}) });
      }
      entries.push({ term: entry.term, preferred: entry.preferred ?? null, forbidden: entry.forbidden });
    }
    if (fields.length) throw new FieldInvalidError(fields);
    return entries;
  }
}
