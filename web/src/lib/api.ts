'use client';

import { withStepUp } from './step-up';

/** An API error in the contract's shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type ApiInit = { method?: string; body?: unknown; headers?: Record<string, string> };

/**
 * Calls the API through the dashboard's server (/bff/api), which adds the session. A change the
 * API refuses with 403 STEP_UP_REQUIRED opens the step-up dialog and, once the user has entered
 * an authenticator code, is sent again once (src/lib/step-up.ts).
 */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  if ((init.method ?? 'GET') === 'GET') return send<T>(path, init);
  return withStepUp(
    () => send<T>(path, init),
    (error) => (error instanceof ApiError ? error.code : undefined),
  );
}

async function send<T>(path: string, init: ApiInit): Promise<T> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(`/bff/api/${path.replace(/^\//, '')}`, {
      method,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'x-contexor-csrf': '1' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error', '');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = String(body.code ?? 'unknown');
    // The session has ended; a 401 for a wrong authenticator code (TWO_FACTOR_CODE_INVALID) has not.
    if (response.status === 401 && (code === 'UNAUTHENTICATED' || code === 'unknown') && typeof window !== 'undefined') window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError(response.status, code, String(body.message ?? ''), String(body.requestId ?? response.headers.get('x-request-id') ?? ''), (body.details as Record<string, unknown>) ?? {});
  }
  return body as T;
}
