// @vitest-environment node
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { proxyToApi } from './api-proxy';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the proxy refreshing a session for a page’s requests', () => {
  const upstream = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubEnv('WEB_API_URL', 'http://api.test');
    upstream.mockReset();
    upstream.mockImplementation(async (url) => (String(url).endsWith('/auth/refresh') ? json(200, { accessToken: 'a2', refreshToken: 'r2', expiresIn: 3600 }) : json(200, {})));
    vi.stubGlobal('fetch', upstream);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  const get = (path: string[], refreshToken: string) => proxyToApi(new NextRequest(`http://dashboard.test/bff/api/${path.join('/')}`, { headers: { cookie: `cx_refresh=${refreshToken}` } }), path);
  const refreshes = () => upstream.mock.calls.filter(([url]) => String(url).endsWith('/auth/refresh'));

  it('refreshes once for requests sent together, also one that arrives after the refresh finished', async () => {
    // The access cookie has expired: the page's reads all carry only the refresh token.
    const together = await Promise.all([get(['me'], 'r-shared'), get(['organizations'], 'r-shared')]);
    // Sent with the same cookies, but reaching the server once the first refresh has answered.
    const late = await get(['me', 'notifications'], 'r-shared');

    expect(refreshes()).toHaveLength(1);
    for (const response of [...together, late]) {
      expect(response.status).toBe(200);
      expect(response.cookies.get('cx_refresh')?.value).toBe('r2');
      expect(response.cookies.get('cx_access')?.value).toBe('a2');
    }
    const sent = upstream.mock.calls.filter(([url]) => !String(url).endsWith('/auth/refresh'));
    expect(sent.map(([, init]) => new Headers(init?.headers).get('authorization'))).toEqual(['Bearer a2', 'Bearer a2', 'Bearer a2']);
  });

  it('does not keep a refused refresh: the next request asks again', async () => {
    upstream.mockImplementation(async () => json(401, { code: 'REFRESH_INVALID' }));

    expect((await get(['me'], 'r-refused')).status).toBe(401);
    expect((await get(['me'], 'r-refused')).status).toBe(401);
    expect(refreshes()).toHaveLength(2);
  });
});
