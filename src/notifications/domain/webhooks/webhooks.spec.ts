import { shouldDisable, webhookRetryDelay } from './webhook-endpoint';
import { parseWebhookUrl } from './webhook-url';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature (Standard Webhooks)', () => {
  // The example of the Standard Webhooks specification.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const body = '{"test": 2432232314}';

  it('signs like the reference implementation', () => {
    expect(signWebhook(secret, id, 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies a good signature among several and refuses a changed body or timestamp', () => {
    const header = `v1,bm9wZQ== ${signWebhook(secret, id, 1614265330, body)}`;
    expect(verifyWebhookSignature(secret, id, 1614265330, body, header)).toBe(true);
    expect(verifyWebhookSignature(secret, id, 1614265330, '{"test": 1}', header)).toBe(false);
    expect(verifyWebhookSignature(secret, id, 1614265331, body, header)).toBe(false);
  });
});

describe('webhook URLs', () => {
  it('accepts http and https URLs', () => {
    expect(parseWebhookUrl('https://hooks.example.com/contexor?x=1').hostname).toBe('hooks.example.com');
  });

  it.each([
    'ftp://example.com/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pass@example.com/',
    'not a url',
    `https://e.com/${'a'.repeat(2000)}`,
    // 1 000 characters as typed, about 6 000 once percent-encoded as stored.
    `https://e.com/${'ب'.repeat(980)}`,
  ])('refuses %s with WEBHOOK_URL_INVALID', (url) => {
    expect(() => parseWebhookUrl(url)).toThrow(expect.objectContaining({ code: 'WEBHOOK_URL_INVALID' }));
  });
});

describe('webhook retries and disabling', () => {
  it('backs off exponentially: eight attempts spread over about an hour at a 30 s base', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => webhookRetryDelay(attempt, 30_000));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(delays.reduce((a, b) => a + b, 0) / 60_000).toBeCloseTo(63.5);
  });

  it('disables an endpoint once it has failed for the whole period, and never one that succeeds', () => {
    const since = new Date('2026-11-23T10:00:00Z');
    expect(shouldDisable({ failingSince: since, disabledAt: null }, new Date('2026-11-24T09:59:59Z'), 86_400_000)).toBe(
      false,
    );
    expect(shouldDisable({ failingSince: since, disabledAt: null }, new Date('2026-11-24T10:00:00Z'), 86_400_000)).toBe(
      true,
    );
    expect(shouldDisable({ failingSince: null, disabledAt: null }, new Date('2026-11-30T00:00:00Z'), 86_400_000)).toBe(
      false,
    );
    expect(
      shouldDisable({ failingSince: since, disabledAt: since }, new Date('2026-11-30T00:00:00Z'), 86_400_000),
    ).toBe(false);
  });
});
