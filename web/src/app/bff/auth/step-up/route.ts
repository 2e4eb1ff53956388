import { NextResponse, type NextRequest } from 'next/server';
import { clientHeaders } from '@/server/client-address';
import { apiBaseUrl } from '@/server/config';
import { isSessionExpiry, refreshSession } from '@/server/refresh-session';
import { isSameOrigin } from '@/server/same-origin';
import { ACCESS_COOKIE, clearSessionCookies, REFRESH_COOKIE, setAccessCookie, setSessionCookies, type Tokens } from '@/server/session-cookies';

export const dynamic = 'force-dynamic';

function error(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ statusCode: status, code, message, details: {}, requestId: '' }, { status });
}

/**
 * Trades the authenticator code for a stepped-up access token (POST /auth/step-up), which replaces
 * the access-token cookie: sensitive actions accept it for 10 minutes. The refresh token stays.
 * The browser gets only when the step-up ends, never the token. An expired access token is
 * refreshed first, as the proxy does; a refused code (401 TWO_FACTOR_CODE_INVALID) comes back as it is.
 */
export async function POST(request: NextRequest): Promise<NextResponse> {
  if (!isSameOrigin(request)) return error(403, 'FORBIDDEN', 'Cross-site step-up refused');
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  let accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  const requestId = request.headers.get('x-request-id') ?? undefined;
  let renewed: Tokens | undefined;
  const renew = async (): Promise<boolean> => {
    if (!refreshToken) return false;
    const result = await refreshSession(refreshToken, requestId, clientHeaders(request.headers));
    if (!result.ok) return false;
    renewed = result.tokens;
    accessToken = result.tokens.accessToken;
    return true;
  };
  const signedOut = () => {
    const response = error(401, 'UNAUTHENTICATED', 'Your session has ended; sign in again');
    clearSessionCookies(response);
    return response;
  };
  if (!accessToken && !(await renew())) return signedOut();

  const body = await request.text();
  const send = async () => {
    const upstream = await fetch(`${apiBaseUrl()}/api/v1/auth/step-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, ...clientHeaders(request.headers), ...(requestId ? { 'x-request-id': requestId } : {}) },
      body,
    });
    return { upstream, text: await upstream.text() };
  };
  let { upstream, text } = await send();
  if (upstream.status === 401 && !renewed && isSessionExpiry(text)) {
    if (!(await renew())) return signedOut();
    ({ upstream, text } = await send());
  }

  if (!upstream.ok) {
    const response = new NextResponse(text, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
    for (const name of ['retry-after', 'x-request-id']) {
      const value = upstream.headers.get(name);
      if (value) response.headers.set(name, value);
    }
    if (renewed) setSessionCookies(response, renewed);
    return response;
  }
  const stepped = JSON.parse(text) as { accessToken: string; expiresIn: number; steppedUpAt: string; stepUpExpiresAt: string };
  const response = NextResponse.json({ steppedUpAt: stepped.steppedUpAt, stepUpExpiresAt: stepped.stepUpExpiresAt });
  if (renewed) setSessionCookies(response, renewed);
  setAccessCookie(response, stepped.accessToken, stepped.expiresIn);
  return response;
}
