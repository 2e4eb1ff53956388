import 'server-only';
import { apiBaseUrl } from './config';
import type { Tokens } from './session-cookies';
import { SingleFlight } from './single-flight';

export type RefreshResult = { ok: true; tokens: Tokens } | { ok: false; code: string };

const refreshes = new SingleFlight<RefreshResult>();

/** Trades the refresh token for a new pair, once per token however many requests need it at once. */
export function refreshSession(refreshToken: string, requestId?: string): Promise<RefreshResult> {
  return refreshes.run(refreshToken, async () => {
    const response = await fetch(`${apiBaseUrl()}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify({ refreshToken }),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<Tokens> & { code?: string };
    if (response.ok && body.accessToken && body.refreshToken) return { ok: true, tokens: { accessToken: body.accessToken, refreshToken: body.refreshToken, expiresIn: body.expiresIn ?? 3600 } };
    return { ok: false, code: body.code ?? 'REFRESH_INVALID' };
  });
}
