import { NextResponse, type NextRequest } from 'next/server';
import { clientHeaders } from '@/server/client-address';
import { apiBaseUrl } from '@/server/config';
import { isSameOrigin } from '@/server/same-origin';
import { clearSessionCookies, REFRESH_COOKIE } from '@/server/session-cookies';

export const dynamic = 'force-dynamic';

/** Revokes the refresh token at the API, then clears the cookies. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  if (!isSameOrigin(request)) return NextResponse.json({ statusCode: 403, code: 'FORBIDDEN', message: 'Cross-site sign-out refused', details: {}, requestId: '' }, { status: 403 });
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (refreshToken) {
    await fetch(`${apiBaseUrl()}/api/v1/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json', ...clientHeaders(request.headers) }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
  }
  const response = new NextResponse(null, { status: 204 });
  clearSessionCookies(response);
  return response;
}
