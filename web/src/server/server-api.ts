import 'server-only';
import { serverRead } from './server-read';

/**
 * A read on the server while rendering a page, with the session's access token. Anything but a
 * 2xx gives undefined: the page then loads on the client, through the BFF, which refreshes an
 * expired token and shows errors.
 */
export async function serverApi<T>(path: string): Promise<T | undefined> {
  const result = await serverRead<T>(path);
  return result.ok ? result.data : undefined;
}
