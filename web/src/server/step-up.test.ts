// @vitest-environment node
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { proxyToApi } from './api-proxy';
import { POST as stepUp } from '@/app/bff/auth/step-up/route';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const STEPPED = { accessToken: 'stepped-access', tokenType: 'Bearer', expiresIn: 3600, steppedUpAt: '2026-03-01T10:00:00.000Z', stepUpExpiresAt: '2026-03-01T10:10:00.000Z' };

function post(headers: Record<string, string>, cookie = 'cx_access=plain-access; cx_refresh=refresh-1'): NextRequest {
  return new NextRequest('http://dashboard.test/bff/auth/step-up', { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ code: '۱۲۳۴۵۶' }) });
}
const sameSite = { origin: 'http://dashboard.test', host: 'dashboard.test' };

describe('POST /bff/auth/step-up', () => {
  const upstream = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubEnv('WEB_API_URL', 'http://api.test');
    upstream.mockReset();
    vi.stubGlobal('fetch', upstream);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it.each<Record<string, string>>([{ origin: 'https://evil.example', host: 'dashboard.test' }, { host: 'dashboard.test' }])('refuses a request from another site (%j) without calling the API', async (headers) => {
    const response = await stepUp(post(headers));

    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('FORBIDDEN');
    expect(upstream).not.toHaveBeenCalled();
    expect(response.cookies.getAll()).toEqual([]);
  });

  it('steps up with the session’s access token and replaces the access cookie, as sign-in sets it, keeping the refresh token', async () => {
    upstream.mockResolvedValueOnce(json(200, STEPPED));

    const response = await stepUp(post(sameSite));

    expect(response.status).toBe(200);
    const [url, init] = upstream.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/api/v1/auth/step-up');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer plain-access');
    expect(init?.body).toBe(JSON.stringify({ code: '۱۲۳۴۵۶' }));
    expect(response.cookies.get('cx_access')).toMatchObject({ value: 'stepped-access', httpOnly: true, sameSite: 'lax', path: '/', maxAge: 3570 });
    expect(response.cookies.get('cx_refresh')).toBeUndefined();
    // The page learns until when, never the token.
    const body = await response.json();
    expect(body).toEqual({ steppedUpAt: STEPPED.steppedUpAt, stepUpExpiresAt: STEPPED.stepUpExpiresAt });
    expect(JSON.stringify(body)).not.toContain('stepped-access');
  });

  it('passes a wrong code’s 401 back without refreshing the session or sending the code twice', async () => {
    upstream.mockResolvedValueOnce(json(401, { statusCode: 401, code: 'TWO_FACTOR_CODE_INVALID', message: 'no', details: {}, requestId: 'r-9' }));

    const response = await stepUp(post(sameSite));

    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('TWO_FACTOR_CODE_INVALID');
    expect(upstream).toHaveBeenCalledTimes(1);
    expect(response.cookies.getAll()).toEqual([]);
  });

  it('refreshes an expired access token first, then keeps the new refresh token and the stepped-up access token', async () => {
    upstream
      .mockResolvedValueOnce(json(401, { code: 'UNAUTHENTICATED' }))
      .mockResolvedValueOnce(json(200, { accessToken: 'renewed-access', refreshToken: 'refresh-2', expiresIn: 3600 }))
      .mockResolvedValueOnce(json(200, STEPPED));

    const response = await stepUp(post(sameSite));

    expect(response.status).toBe(200);
    expect(upstream.mock.calls.map(([url]) => url)).toEqual(['http://api.test/api/v1/auth/step-up', 'http://api.test/api/v1/auth/refresh', 'http://api.test/api/v1/auth/step-up']);
    expect(new Headers(upstream.mock.calls[2]?.[1]?.headers).get('authorization')).toBe('Bearer renewed-access');
    expect(response.cookies.get('cx_access')?.value).toBe('stepped-access');
    expect(response.cookies.get('cx_refresh')?.value).toBe('refresh-2');
  });

  it('ends the session when there is no token at all', async () => {
    const response = await stepUp(post(sameSite, ''));

    expect(response.status).toBe(401);
    expect(upstream).not.toHaveBeenCalled();
  });
});

describe('the proxy and a 401 for a wrong authenticator code', () => {
  const upstream = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubEnv('WEB_API_URL', 'http://api.test');
    upstream.mockReset();
    vi.stubGlobal('fetch', upstream);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('passes it through as it is: no refresh, no second try of the code', async () => {
    upstream.mockResolvedValueOnce(json(401, { code: 'TWO_FACTOR_CODE_INVALID' }));
    const request = new NextRequest('http://dashboard.test/bff/api/me/two-factor/confirm', { method: 'POST', headers: { cookie: 'cx_access=a; cx_refresh=r', 'x-contexor-csrf': '1', 'content-type': 'application/json' }, body: '{"code":"123456"}' });

    const response = await proxyToApi(request, ['me', 'two-factor', 'confirm']);

    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('TWO_FACTOR_CODE_INVALID');
    expect(upstream).toHaveBeenCalledTimes(1);
    expect(response.cookies.getAll()).toEqual([]);
  });

  it('still refreshes and resends on UNAUTHENTICATED', async () => {
    upstream
      .mockResolvedValueOnce(json(401, { code: 'UNAUTHENTICATED' }))
      .mockResolvedValueOnce(json(200, { accessToken: 'a2', refreshToken: 'r2', expiresIn: 3600 }))
      .mockResolvedValueOnce(json(200, { enabled: false }));
    const request = new NextRequest('http://dashboard.test/bff/api/me/two-factor', { headers: { cookie: 'cx_access=a; cx_refresh=r' } });

    const response = await proxyToApi(request, ['me', 'two-factor']);

    expect(response.status).toBe(200);
    expect(upstream).toHaveBeenCalledTimes(3);
    expect(response.cookies.get('cx_refresh')?.value).toBe('r2');
  });
});
