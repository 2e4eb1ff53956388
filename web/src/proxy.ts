import { NextResponse, type NextRequest } from 'next/server';

/** Every dashboard page needs a session: without one, go to sign-in and come back after. */
export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.get('cx_refresh')?.value) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!sign-in|bff|_next|favicon.ico).*)'],
};
