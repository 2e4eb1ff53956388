import { NextResponse, type NextRequest } from 'next/server';
import { apiBaseUrl } from '@/server/config';
import { clearSessionCookies, REFRESH_COOKIE } from '@/server/session-cookies';

export const dynamic = 'force-dynamic';

/** Revokes the refresh token at the API, then clears the cookies. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (refreshToken) {
    await fetch(`${apiBaseUrl()}/api/v1/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
  }
  const response = new NextResponse(null, { status: 204 });
  clearSessionCookies(response);
  return response;
}
