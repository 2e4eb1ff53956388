import { Injectable } from '@nestjs/common';
import { redact, type PiiRedaction } from '../../../domain/pii';

/**
 * `POST /pii/redact`: the text with each finding replaced by its typed mask (`[کد ملی]`,
 * `[national id]`, in the text's language), everything else as it was. Nothing is stored or logged.
 */
@Injectable()
export class RedactTextForPiiUseCase {
  execute(text: string): PiiRedaction {
    return redact(text);
  }
}
