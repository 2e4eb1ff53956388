import { InMemoryOtpStore } from '../../../../test/fakes/accounts/in-memory-otp.store';
import {
  FixedClock,
  InMemoryUserRepository,
  PredictableOtpCrypto,
  RecordingAuditLog,
} from '../../../../test/fakes/accounts/recording-ports';
import { InlineUnitOfWork } from '../../../../test/fakes/inline-unit-of-work';
import type { SessionIssuer } from '../services/session-issuer';
import { VerifyOtpUseCase } from './verify-otp.use-case';

const PHONE = '+989121234567';

describe('VerifyOtpUseCase', () => {
  let clock: FixedClock;
  let store: InMemoryOtpStore;
  let crypto: PredictableOtpCrypto;
  let users: InMemoryUserRepository;
  let audit: RecordingAuditLog;
  let useCase: VerifyOtpUseCase;

  beforeEach(async () => {
    clock = new FixedClock();
    store = new InMemoryOtpStore(() => clock.time);
    crypto = new PredictableOtpCrypto();
    users = new InMemoryUserRepository();
    audit = new RecordingAuditLog();
    const sessions = {
      startFamily: (userId: string) =>
        Promise.resolve({
          accessToken: `access-${userId}`,
          refreshToken: 'refresh',
          tokenType: 'Bearer' as const,
          expiresIn: 3600,
        }),
    } as unknown as SessionIssuer;
    useCase = new VerifyOtpUseCase(store, crypto, users, sessions, audit, clock, new InlineUnitOfWork());
    await store.save(PHONE, crypto.hash(PHONE, '123456'), clock.time + 120_000);
  });

  it('signs in with the right code and creates the user on first sign-in', async () => {
    const result = await useCase.execute({ phone: '09121234567', code: '123456' });
    expect(result.user.phone.e164).toBe(PHONE);
    expect(result.accessToken).toBe(`access-${result.user.id}`);
    expect(users.users.size).toBe(1);
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: 'auth.signed_in', actorId: result.user.id, metadata: { newUser: true } }),
    ]);
  });

  it('refuses a wrong code with OTP_INVALID', async () => {
    await expect(useCase.execute({ phone: PHONE, code: '000000' })).rejects.toMatchObject({ code: 'OTP_INVALID' });
  });

  it('refuses a code used once already', async () => {
    await useCase.execute({ phone: PHONE, code: '123456' });
    await expect(useCase.execute({ phone: PHONE, code: '123456' })).rejects.toMatchObject({ code: 'OTP_INVALID' });
  });

  it('refuses an expired code with OTP_EXPIRED', async () => {
    clock.advance(120_000);
    await expect(useCase.execute({ phone: PHONE, code: '123456' })).rejects.toMatchObject({ code: 'OTP_EXPIRED' });
  });

  it('locks the code after five wrong tries, even against the right one', async () => {
    for (let i = 0; i < 5; i += 1)
      await expect(useCase.execute({ phone: PHONE, code: '999999' })).rejects.toMatchObject({ code: 'OTP_INVALID' });
    await expect(useCase.execute({ phone: PHONE, code: '123456' })).rejects.toMatchObject({
      code: 'OTP_ATTEMPTS_EXCEEDED',
    });
  });

  it('accepts the right code on the fifth try', async () => {
    for (let i = 0; i < 4; i += 1)
      await expect(useCase.execute({ phone: PHONE, code: '999999' })).rejects.toMatchObject({ code: 'OTP_INVALID' });
    await expect(useCase.execute({ phone: PHONE, code: '123456' })).resolves.toBeDefined();
  });

  it('returns the same user on a later sign-in', async () => {
    const first = await useCase.execute({ phone: PHONE, code: '123456' });
    await store.save(PHONE, crypto.hash(PHONE, '123456'), clock.time + 120_000);
    const second = await useCase.execute({ phone: PHONE, code: '123456' });
    expect(second.user.id).toBe(first.user.id);
  });
});
