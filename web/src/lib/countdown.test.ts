import { describe, expect, it } from 'vitest';
import { codeTimers } from './countdown';

describe('codeTimers', () => {
  const sent = 1_000_000;

  it('counts down the code and holds resend until resendAfter', () => {
    expect(codeTimers(sent, sent + 10_500, 120, 60)).toEqual({ expiresIn: 110, resendIn: 50, expired: false, canResend: false });
  });

  it('allows resend after resendAfter and expires at the ttl', () => {
    expect(codeTimers(sent, sent + 60_000, 120, 60)).toMatchObject({ canResend: true, resendIn: 0, expired: false });
    expect(codeTimers(sent, sent + 120_000, 120, 60)).toMatchObject({ expired: true, expiresIn: 0 });
  });
});
