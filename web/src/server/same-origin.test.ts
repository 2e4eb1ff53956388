import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const post = (headers: Record<string, string>) =>
  new NextRequest('http://127.0.0.1:3001/bff/auth/otp/verify', { method: 'POST', headers });

describe('isSameOrigin', () => {
  it('accepts a POST from the site’s own pages', () => {
    expect(isSameOrigin(post({ origin: 'http://127.0.0.1:3001', host: '127.0.0.1:3001' }))).toBe(true);
  });

  it('accepts it behind a TLS-terminating proxy that says so', () => {
    expect(
      isSameOrigin(
        post({ origin: 'https://app.contexor.ir', host: '10.0.0.5:3001', 'x-forwarded-host': 'app.contexor.ir', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe(true);
  });

  it.each([
    { origin: 'https://evil.example', host: '127.0.0.1:3001' },
    { origin: 'null', host: '127.0.0.1:3001' },
    { host: '127.0.0.1:3001' },
  ])('refuses %j', (headers) => {
    expect(isSameOrigin(post(headers as Record<string, string>))).toBe(false);
  });
});
