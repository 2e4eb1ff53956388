import { InMemoryOtpStore } from '../../../../test/fakes/accounts/in-memory-otp.store';
import { FixedClock, PredictableOtpCrypto, RecordingSmsQueue } from '../../../../test/fakes/accounts/recording-ports';
import { OTP_POLICY } from '../../domain/otp-policy';
import { RequestOtpUseCase } from './request-otp.use-case';

describe('RequestOtpUseCase', () => {
  let clock: FixedClock;
  let store: InMemoryOtpStore;
  let sms: RecordingSmsQueue;
  let useCase: RequestOtpUseCase;

  beforeEach(() => {
    clock = new FixedClock();
    store = new InMemoryOtpStore(() => clock.time);
    sms = new RecordingSmsQueue();
    useCase = new RequestOtpUseCase(store, new PredictableOtpCrypto('424242'), sms, clock);
  });

  it('answers with the code lifetime and resend delay', async () => {
    await expect(useCase.execute({ phone: '09121234567' })).resolves.toEqual({ ttl: 120, resendAfter: 60 });
  });

  it('stores only a hash of the code and queues the SMS to the E.164 number', async () => {
    await useCase.execute({ phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷' });
    expect(sms.sent).toEqual([{ phoneE164: '+989121234567', code: '424242', expiresAt: clock.time + 120_000 }]);
    const stored = store.codes.get('+989121234567');
    expect(stored?.codeHash).not.toBe('424242');
  });

  it('refuses a second request within the cooldown with OTP_COOLDOWN and the seconds left', async () => {
    await useCase.execute({ phone: '09121234567' });
    clock.advance(20_000);
    await expect(useCase.execute({ phone: '+989121234567' })).rejects.toMatchObject({
      code: 'OTP_COOLDOWN',
      retryAfterSeconds: 40,
    });
    expect(sms.sent).toHaveLength(1);
  });

  it('allows a new code after the cooldown', async () => {
    await useCase.execute({ phone: '09121234567' });
    clock.advance(60_000);
    await useCase.execute({ phone: '09121234567' });
    expect(sms.sent).toHaveLength(2);
  });

  it('stops at the daily limit per phone', async () => {
    for (let i = 0; i < OTP_POLICY.perPhonePerDay; i += 1) {
      await useCase.execute({ phone: '09121234567' });
      clock.advance(61_000);
    }
    await expect(useCase.execute({ phone: '09121234567' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(sms.sent).toHaveLength(OTP_POLICY.perPhonePerDay);
  });

  it('refuses a number that is not an Iranian mobile with PHONE_INVALID', async () => {
    await expect(useCase.execute({ phone: '021 1234 5678' })).rejects.toMatchObject({ code: 'PHONE_INVALID' });
  });
});
