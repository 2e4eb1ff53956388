// @vitest-environment node
import { createHmac } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as requestCode } from '@/app/bff/auth/otp/request/route';
import { clientAddressOf, parseTrustProxy, recordClientAddress } from '../../scripts/client-address.mjs';
import { proxyToApi } from './api-proxy';

const SECRET = 'the-dashboard-and-the-api-share-this-secret';
const FORGED = {
  'x-forwarded-for': '198.51.100.66',
  'x-real-ip': '198.51.100.67',
  forwarded: 'for=198.51.100.68',
  'x-contexor-client': `198.51.100.69.${Math.floor(Date.now() / 1000)}.${'A'.repeat(43)}`,
  'x-contexor-client-address': '198.51.100.70',
};

/** What scripts/start.mjs does to a request from `socketAddress` before Next sees it. */
function arriving(socketAddress: string, headers: Record<string, string>, trustProxy?: string): Record<string, string> {
  const req = { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress: socketAddress } };
  recordClientAddress(req, parseTrustProxy(trustProxy));
  return req.headers as Record<string, string>;
}

/** The API's check (libs/http/client-address.ts there): the address of a header signed with SECRET within 60 s. */
function verifiedAddress(header: string | null): string | undefined {
  const match = /^(.+)\.(\d+)\.([A-Za-z0-9_-]{43})$/.exec(header ?? '');
  if (!match) return undefined;
  const [, address, seconds, signature] = match;
  const expected = createHmac('sha256', SECRET).update(`${address}.${seconds}`).digest('base64url');
  return signature === expected && Math.abs(Date.now() / 1000 - Number(seconds)) <= 60 ? address : undefined;
}

describe('scripts/start.mjs: the address a request came from', () => {
  it('replaces every address a client claims with the socket’s, IPv4-mapped IPv6 as plain IPv4', () => {
    const headers = arriving('::ffff:203.0.113.7', FORGED);

    expect(headers).toEqual({ 'x-contexor-client-address': '203.0.113.7' });
  });

  it('ignores X-Forwarded-For unless WEB_TRUST_PROXY trusts the socket, then takes the nearest untrusted entry from the right', () => {
    expect(arriving('10.0.0.5', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })['x-contexor-client-address']).toBe('10.0.0.5');
    expect(arriving('10.0.0.5', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7' }, 'true')['x-contexor-client-address']).toBe('203.0.113.7');
    expect(arriving('10.0.0.5', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7, 10.0.0.9' }, '10.0.0.0/8')['x-contexor-client-address']).toBe('203.0.113.7');
    expect(arriving('203.0.113.50', { 'x-forwarded-for': '198.51.100.66' }, 'true')['x-contexor-client-address']).toBe('203.0.113.50');
    expect(clientAddressOf('10.0.0.5', 'not-an-address', parseTrustProxy('true'))).toBe('10.0.0.5');
  });

  it.each(['yes', '10.0.0.0/33', 'example.com', '10.0.0.1/8/1'])('refuses WEB_TRUST_PROXY=%j', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/WEB_TRUST_PROXY/);
  });
});

describe('the BFF’s requests to the API', () => {
  const upstream = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubEnv('CLIENT_ADDRESS_SECRET', SECRET);
    vi.stubEnv('CONTEXOR_CLIENT_ADDRESS_RECORDED', '1');
    vi.stubEnv('WEB_API_URL', 'http://api.test');
    upstream.mockReset();
    upstream.mockImplementation(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', upstream);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  const sentHeaders = (call = 0) => new Headers(upstream.mock.calls[call]?.[1]?.headers);

  it('proxies with X-Contexor-Client signed for the socket’s address and none of the client’s forwarding headers', async () => {
    const request = new NextRequest('http://dashboard.test/bff/api/me', { headers: { ...arriving('203.0.113.7', FORGED), cookie: 'cx_access=token' } });

    await proxyToApi(request, ['me']);

    const sent = sentHeaders();
    expect(verifiedAddress(sent.get('x-contexor-client'))).toBe('203.0.113.7');
    for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-contexor-client-address']) expect(sent.get(name)).toBeNull();
    expect(sent.get('authorization')).toBe('Bearer token');
  });

  it('signs the refresh it makes on the client’s behalf as well', async () => {
    upstream.mockImplementationOnce(async () => new Response(JSON.stringify({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 3600 }), { status: 200 }));
    const request = new NextRequest('http://dashboard.test/bff/api/me', { headers: { ...arriving('2001:db8::7', FORGED), cookie: 'cx_refresh=r1' } });

    await proxyToApi(request, ['me']);

    expect(upstream.mock.calls[0]?.[0]).toBe('http://api.test/api/v1/auth/refresh');
    expect(verifiedAddress(sentHeaders(0).get('x-contexor-client'))).toBe('2001:db8::7');
    expect(verifiedAddress(sentHeaders(1).get('x-contexor-client'))).toBe('2001:db8::7');
  });

  it('asks for a sign-in code with the signed address instead of the client’s X-Forwarded-For', async () => {
    const headers = { ...arriving('203.0.113.8', FORGED), origin: 'http://dashboard.test', host: 'dashboard.test' };
    const request = new NextRequest('http://dashboard.test/bff/auth/otp/request', { method: 'POST', headers, body: '{"phone":"09121234567"}' });

    expect((await requestCode(request)).status).toBe(200);

    const sent = sentHeaders();
    expect(verifiedAddress(sent.get('x-contexor-client'))).toBe('203.0.113.8');
    expect(sent.get('x-forwarded-for')).toBeNull();
    expect(sent.get('x-real-ip')).toBeNull();
  });

  it('vouches for the recorded address only when scripts/start.mjs recorded it: under `next start` a client could have written it', async () => {
    const headers = { ...arriving('203.0.113.9', FORGED), cookie: 'cx_access=token' };
    await proxyToApi(new NextRequest('http://dashboard.test/bff/api/me', { headers }), ['me']);
    vi.stubEnv('CONTEXOR_CLIENT_ADDRESS_RECORDED', '');
    await proxyToApi(new NextRequest('http://dashboard.test/bff/api/me', { headers }), ['me']);

    expect(verifiedAddress(sentHeaders(0).get('x-contexor-client'))).toBe('203.0.113.9');
    expect(sentHeaders(1).get('x-contexor-client')).toBeNull();
    expect(sentHeaders(1).get('x-forwarded-for')).toBeNull();
  });
});
