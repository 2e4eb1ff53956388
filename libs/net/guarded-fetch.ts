import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { isForbiddenTarget } from './forbidden-target';
import { FORBIDDEN_TARGET, guardedLookup } from './guarded-lookup';

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

function forbidden(): Error {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(FORBIDDEN_TARGET), { code: 'EFORBIDDEN' }),
  });
}

function responseOf(incoming: IncomingMessage): Response {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const status = incoming.statusCode ?? 502;
  const body = NO_BODY_STATUSES.has(status) ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
  if (!body) incoming.resume();
  return new Response(body, { status, statusText: incoming.statusMessage ?? '', headers });
}

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/**
 * A `fetch` for calls made to an address a customer chose (an organization's own AI provider): every
 * connection goes through guardedLookup, and an IP literal is judged as such, so the address is
 * checked when the socket connects, not only when the URL was saved. Over node:http(s) with
 * keep-alive agents of its own; the answer's body streams. Failures look like fetch's (a TypeError
 * with the socket error as `cause`), which is what the `openai` SDK expects of its `fetch`.
 */
export function guardedFetch(allowPrivate: boolean): typeof fetch {
  const lookup = guardedLookup(allowPrivate);
  const agents = {
    http: new HttpAgent({ keepAlive: true, lookup }),
    https: new HttpsAgent({ keepAlive: true, lookup }),
  };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (!allowPrivate && isIP(host) && isForbiddenTarget(host)) throw forbidden();
    const body = await bodyBytes(init?.body);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    if (body) headers['content-length'] = String(body.length);
    const https = url.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const outgoing = (https ? httpsRequest : httpRequest)(
        url,
        {
          method: init?.method ?? 'GET',
          headers,
          agent: https ? agents.https : agents.http,
          signal: init?.signal ?? undefined,
        },
        (incoming) => resolve(responseOf(incoming)),
      );
      outgoing.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.name === 'AbortError' ? error : Object.assign(new TypeError('fetch failed'), { cause: error })),
      );
      outgoing.end(body);
    });
  };
}
