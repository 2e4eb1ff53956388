import { createHmac, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { toLatinDigits } from '#libs/ddd';
import { OtpCrypto } from '../../application/ports/otp-crypto';
import { deriveKey } from './derived-keys';

@Injectable()
export class HmacOtpCrypto extends OtpCrypto {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    super();
    this.key = deriveKey(config.jwt.secret, 'otp-hash');
  }

  generateCode(length: number): string {
    let code = '';
    for (let i = 0; i < length; i += 1) code += String(randomInt(10));
    return code;
  }

  hash(phoneE164: string, code: string): string {
    // A user may type the code in Persian digits from the SMS keyboard.
    return createHmac('sha256', this.key)
      .update(`${phoneE164}:${toLatinDigits(code).trim()}`)
      .digest('hex');
  }
}
