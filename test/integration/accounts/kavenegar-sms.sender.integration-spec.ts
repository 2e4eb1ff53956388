import { Logger } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { SmsDeliveryError } from '../../../src/accounts/application/ports/sms-sender';
import { KavenegarSmsSender } from '../../../src/accounts/infrastructure/kavenegar/kavenegar-sms.sender';
import { FakeKavenegarServer } from '../../fakes/fake-kavenegar.server';

const API_KEY = 'secret-kavenegar-key-4f1c';

describe('KavenegarSmsSender (against a local Kavenegar)', () => {
  let fake: FakeKavenegarServer;
  let sender: KavenegarSmsSender;
  const logged: string[] = [];

  beforeAll(async () => {
    fake = await FakeKavenegarServer.start({ apiKey: API_KEY, templates: ['contexor-otp'] });
    sender = new KavenegarSmsSender(
      loadConfig({
        SMS_DRIVER: 'kavenegar',
        KAVENEGAR_API_KEY: API_KEY,
        KAVENEGAR_BASE_URL: fake.baseUrl,
        KAVENEGAR_OTP_TEMPLATE: 'contexor-otp',
      }),
    );
    const capture = (...args: unknown[]) => logged.push(JSON.stringify(args));
    Logger.overrideLogger({
      log: capture,
      error: capture,
      warn: capture,
      debug: capture,
      verbose: capture,
      fatal: capture,
    });
  });

  afterAll(async () => {
    Logger.overrideLogger(false);
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    logged.length = 0;
  });

  it('sends the code through verify/lookup to the national form of the number', async () => {
    await sender.sendOtp('+989121234567', '482913');
    expect(fake.messages).toEqual([
      expect.objectContaining({ receptor: '09121234567', template: 'contexor-otp', token: '482913', apiKey: API_KEY }),
    ]);
  });

  it.each([409, 500, 502, 503] as const)('reports a %i as transient, so the job retries', async (status) => {
    fake.failNext(1, status);
    const error = await sender.sendOtp('+989121234567', '111111').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect((error as SmsDeliveryError).transient).toBe(true);
  });

  it.each([403, 418, 424, 426] as const)(
    'reports a %i as a configuration fault: not retried, logged as an alert',
    async (status) => {
      fake.failNext(1, status);
      const error = await sender.sendOtp('+989121234567', '111111').catch((e: unknown) => e);
      expect((error as SmsDeliveryError).transient).toBe(false);
      expect(logged.join('\n')).toMatch(/"alert":true/);
    },
  );

  it('treats an unreachable server as transient', async () => {
    const unreachable = new KavenegarSmsSender(
      loadConfig({ SMS_DRIVER: 'kavenegar', KAVENEGAR_API_KEY: API_KEY, KAVENEGAR_BASE_URL: 'http://127.0.0.1:1' }),
    );
    await expect(unreachable.sendOtp('+989121234567', '111111')).rejects.toMatchObject({ transient: true });
  });

  it('never writes the API key, the code or the full phone number to the log', async () => {
    await sender.sendOtp('+989121234567', '482913');
    fake.failNext(1, 418);
    await sender.sendOtp('+989121234567', '482913').catch(() => undefined);
    const log = logged.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(API_KEY);
    expect(log).not.toContain('482913');
    expect(log).not.toContain('9121234567');
  });
});
