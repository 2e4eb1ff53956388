import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { TotpAuthenticator } from '../../application/two-factor/two-factor-ports';
import { TWO_FACTOR_POLICY } from '../../domain/two-factor';

/** The parameters every authenticator app reads by default (Google Authenticator ignores others). */
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** 160 bits, the size RFC 4226 recommends for an HMAC-SHA1 key. */
const SECRET_BYTES = 20;

/** RFC 6238 through `otpauth` (maintained, constant-time comparison), never by hand. */
@Injectable()
export class OtpauthTotpAuthenticator extends TotpAuthenticator {
  newSecret(): string {
    return new Secret({ size: SECRET_BYTES }).base32;
  }

  keyUri(secret: string, accountLabel: string): string {
    return this.totp(secret, accountLabel).toString();
  }

  stepOf(secret: string, code: string, now: Date): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const timestamp = now.getTime();
    const delta = this.totp(secret).validate({ token: code, timestamp, window: TWO_FACTOR_POLICY.acceptedDriftSteps });
    return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
  }

  private totp(secret: string, label = ''): TOTP {
    return new TOTP({
      issuer: TWO_FACTOR_POLICY.issuer,
      label,
      algorithm: ALGORITHM,
      digits: DIGITS,
      period: PERIOD_SECONDS,
      secret: Secret.fromBase32(secret),
    });
  }
}
