import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { apiPathOf } from './api-path';
import { clientHeaders } from './client-address';
import { apiBaseUrl } from './config';
import { isSessionExpiry, refreshSession } from './refresh-session';
import { ACCESS_COOKIE, clearSessionCookies, REFRESH_COOKIE, setSessionCookies, type Tokens } from './session-cookies';

/** Headers passed on to the API, and back to the browser. Never a client's X-Forwarded-For: see clientHeaders. */
const REQUEST_HEADERS = ['content-type', 'accept', 'x-request-id', 'idempotency-key', 'last-event-id'];
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'x-request-id', 'retry-after', 'cache-control'];
export const CSRF_HEADER = 'x-contexor-csrf';

function errorResponse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ statusCode: status, code, message, details: {}, requestId: '' }, { status });
}

/**
 * The browser's only way to the API: adds the bearer token from the httpOnly cookie, refreshes
 * it when it has expired or the API says so (a 401 UNAUTHENTICATED; a refused authenticator code
 * passes through as it is), one refresh per session at a time, streams the
 * answer back as it comes (file downloads and Server-Sent Events included), and ends the session
 * when the refresh token is refused.
 */
export async function proxyToApi(request: NextRequest, path: string[]): Promise<NextResponse> {
  const method = request.method.toUpperCase();
  const apiPath = apiPathOf(path);
  if (apiPath === undefined) return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such API path');
  // Cross-site forms cannot set custom headers: requiring one on changes stops CSRF.
  if (method !== 'GET' && method !== 'HEAD' && request.headers.get(CSRF_HEADER) !== '1') return errorResponse(403, 'FORBIDDEN', 'Missing CSRF header');
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  let accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  let renewed: Tokens | undefined;
  const requestId = request.headers.get('x-request-id') ?? undefined;

  const renew = async (): Promise<boolean> => {
    if (!refreshToken) return false;
    const result = await refreshSession(refreshToken, requestId, clientHeaders(request.headers));
    if (!result.ok) return false;
    renewed = result.tokens;
    accessToken = result.tokens.accessToken;
    return true;
  };
  if (!accessToken && refreshToken && !(await renew())) return signedOut();

  const body = method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer();
  const url = `${apiBaseUrl()}/api/v1/${apiPath}${request.nextUrl.search}`;
  const send = () => {
    const headers = new Headers();
    for (const name of REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
    for (const [name, value] of Object.entries(clientHeaders(request.headers))) headers.set(name, value);
    return fetch(url, { method, headers, body, redirect: 'manual', signal: request.signal });
  };

  let upstream = await send();
  if (upstream.status === 401 && refreshToken && !renewed) {
    // A 401 body is a small JSON error: read it to tell an expired token from a refused code.
    const text = await upstream.text();
    if (isSessionExpiry(text)) {
      if (!(await renew())) return signedOut();
      upstream = await send();
    } else {
      upstream = new Response(text, { status: upstream.status, headers: upstream.headers });
    }
  }
  const headers = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (headers.get('content-type')?.startsWith('text/event-stream')) headers.set('x-accel-buffering', 'no');
  const response = new NextResponse(upstream.body, { status: upstream.status, headers });
  if (renewed) setSessionCookies(response, renewed);
  return response;
}

function signedOut(): NextResponse {
  const response = errorResponse(401, 'UNAUTHENTICATED', 'Your session has ended; sign in again');
  clearSessionCookies(response);
  return response;
}
