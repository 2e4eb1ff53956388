import 'server-only';
import { cookies, headers } from 'next/headers';
import { clientHeaders } from './client-address';
import { apiBaseUrl } from './config';
import { ACCESS_COOKIE } from './session-cookies';

/**
 * A read on the server while rendering a page, with the session's access token. Anything but a
 * 2xx gives undefined: the page then loads on the client, through the BFF, which refreshes an
 * expired token and shows errors.
 */
export async function serverApi<T>(path: string): Promise<T | undefined> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return undefined;
  try {
    const response = await fetch(`${apiBaseUrl()}/api/v1/${path}`, { headers: { authorization: `Bearer ${token}`, ...clientHeaders(await headers()) }, cache: 'no-store' });
    return response.ok ? ((await response.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}
