import 'server-only';
import { apiBaseUrl } from './config';
import type { Tokens } from './session-cookies';
import { SingleFlight } from './single-flight';

export type RefreshResult = { ok: true; tokens: Tokens } | { ok: false; code: string };

/**
 * A new pair is also given for 10 s to later requests that still carry the token it replaced (sent
 * before the browser had the new cookies), rather than refreshing with a spent token, which the
 * API would take for theft and answer by ending the session.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

const refreshes = new SingleFlight<RefreshResult>({ keepFor: REFRESH_REUSE_GRACE_MS, keep: (result) => result.ok });

/** Trades the refresh token for a new pair, once per token however many requests need it at once (`client`: see clientHeaders). */
export function refreshSession(refreshToken: string, requestId?: string, client: Record<string, string> = {}): Promise<RefreshResult> {
  return refreshes.run(refreshToken, async () => {
    const response = await fetch(`${apiBaseUrl()}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...client, ...(requestId ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify({ refreshToken }),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<Tokens> & { code?: string };
    if (response.ok && body.accessToken && body.refreshToken) return { ok: true, tokens: { accessToken: body.accessToken, refreshToken: body.refreshToken, expiresIn: body.expiresIn ?? 3600 } };
    return { ok: false, code: body.code ?? 'REFRESH_INVALID' };
  });
}

/**
 * Whether the body of an API 401 says the access token is no longer good (UNAUTHENTICATED, or no
 * code at all), which a refresh mends, rather than refusing a code the user typed
 * (TWO_FACTOR_CODE_INVALID): refreshing and resending that would spend another of the user's ten
 * code tries, and end in the same answer.
 */
export function isSessionExpiry(body: string): boolean {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return code === undefined || code === 'UNAUTHENTICATED';
  } catch {
    return true;
  }
}
