import { Injectable } from '@nestjs/common';
import { detectPii, type PiiScan } from '../../../domain/pii';

/** `POST /pii/scan`: lets a client check a prompt before sending it. Nothing is stored or logged. */
@Injectable()
export class ScanTextForPiiUseCase {
  execute(text: string): PiiScan {
    return detectPii(text);
  }
}
