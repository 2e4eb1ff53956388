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
  setAccessCookie(response, tokens.accessToken, tokens.expiresIn);
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: REFRESH_MAX_AGE_SECONDS });
}

/** The access token alone, with the same attributes: a stepped-up token replaces it and the refresh token stays. */
export function setAccessCookie(response: NextResponse, accessToken: string, expiresIn: number): void {
  response.cookies.set(ACCESS_COOKIE, accessToken, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: Math.max(60, expiresIn - 30) });
}

function secureCookies(): boolean {
  return process.env.NODE_ENV === 'production';
}

export function clearSessionCookies(response: NextResponse): void {
  response.cookies.set(ACCESS_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
  response.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
}
