import { NextResponse, type NextRequest } from 'next/server';
import { clientHeaders } from '@/server/client-address';
import { apiBaseUrl } from '@/server/config';
import { isSameOrigin } from '@/server/same-origin';

export const dynamic = 'force-dynamic';

/** Passes the phone on; the answer (ttl, resendAfter or an error) comes back as it is. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  if (!isSameOrigin(request)) return NextResponse.json({ statusCode: 403, code: 'FORBIDDEN', message: 'Cross-site sign-in refused', details: {}, requestId: '' }, { status: 403 });
  const upstream = await fetch(`${apiBaseUrl()}/api/v1/auth/otp/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clientHeaders(request.headers) },
    body: await request.text(),
  });
  const response = new NextResponse(await upstream.text(), { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
  const retryAfter = upstream.headers.get('retry-after');
  if (retryAfter) response.headers.set('retry-after', retryAfter);
  return response;
}
