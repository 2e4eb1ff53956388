import 'server-only';
import type { NextRequest } from 'next/server';

/**
 * Whether a state-changing request comes from this site's own pages: its Origin (which browsers
 * send on every cross-site POST and cannot be set by a page) is the site's origin. Without this,
 * another site could post a sign-in with the attacker's code and sign the victim into the
 * attacker's account. A request with no Origin (not from a browser) is refused too.
 */
export function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const protocol = request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(/:$/, '');
  return host !== null && origin === `${protocol}://${host}`;
}
