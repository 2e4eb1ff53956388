'use client';

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

/** Calls the API through the dashboard's server (/bff/api), which adds the session. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
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
    if (response.status === 401 && typeof window !== 'undefined') window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError(response.status, String(body.code ?? 'unknown'), String(body.message ?? ''), String(body.requestId ?? response.headers.get('x-request-id') ?? ''), (body.details as Record<string, unknown>) ?? {});
  }
  return body as T;
}
