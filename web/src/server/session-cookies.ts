import 'server-only';
import type { NextResponse } from 'next/server';

export const ACCESS_COOKIE = 'cx_access';
export const REFRESH_COOKIE = 'cx_refresh';
const REFRESH_MAX_AGE_SECONDS = 30 * 24 * 3600;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Tokens live only in httpOnly cookies: no script in the page can read them. */
export function setSessionCookies(response: NextResponse, tokens: Tokens): void {
  const secure = process.env.NODE_ENV === 'production';
  response.cookies.set(ACCESS_COOKIE, tokens.accessToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.max(60, tokens.expiresIn - 30) });
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: REFRESH_MAX_AGE_SECONDS });
}

export function clearSessionCookies(response: NextResponse): void {
  response.cookies.set(ACCESS_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
  response.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
}
