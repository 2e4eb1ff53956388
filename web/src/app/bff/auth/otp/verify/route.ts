import { NextResponse, type NextRequest } from 'next/server';
import { clientHeaders } from '@/server/client-address';
import { apiBaseUrl } from '@/server/config';
import { isSameOrigin } from '@/server/same-origin';
import { setSessionCookies, type Tokens } from '@/server/session-cookies';

export const dynamic = 'force-dynamic';

/** Verifies the code; on success the tokens go into httpOnly cookies and only the user reaches the page. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  if (!isSameOrigin(request)) return NextResponse.json({ statusCode: 403, code: 'FORBIDDEN', message: 'Cross-site sign-in refused', details: {}, requestId: '' }, { status: 403 });
  const upstream = await fetch(`${apiBaseUrl()}/api/v1/auth/otp/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clientHeaders(request.headers) },
    body: await request.text(),
  });
  const body = (await upstream.json().catch(() => ({}))) as Tokens & { user?: unknown };
  if (!upstream.ok) return NextResponse.json(body, { status: upstream.status });
  const response = NextResponse.json({ user: body.user });
  setSessionCookies(response, body);
  return response;
}
