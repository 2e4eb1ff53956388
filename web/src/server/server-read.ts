import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { clientHeaders } from './client-address';
import { apiBaseUrl } from './config';
import { ACCESS_COOKIE } from './session-cookies';

/** What a read on the server got: the answer, or the status that refused it (0 when the API did not answer, or there is no access token). */
export type ServerReadResult<T> = { ok: true; data: T } | { ok: false; status: number };

/**
 * A GET of the API while rendering a page, with the session's access token and the client's signed
 * address. Read once per request: the layout, Prefetched and a page asking for the same path (/me)
 * share one answer (React's cache lasts one server render).
 */
export const serverRead = cache(async function serverRead<T>(path: string): Promise<ServerReadResult<T>> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return { ok: false, status: 401 };
  try {
    const response = await fetch(`${apiBaseUrl()}/api/v1/${path}`, { headers: { authorization: `Bearer ${token}`, ...clientHeaders(await headers()) }, cache: 'no-store' });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, status: 0 };
  }
}) as <T>(path: string) => Promise<ServerReadResult<T>>;
