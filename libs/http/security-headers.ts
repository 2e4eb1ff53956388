import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** This API's helmet options: nothing in them depends on the request. */
export const SECURITY_HEADER_OPTIONS: Readonly<HelmetOptions> = {
  // Swagger UI needs inline styles and its own scripts; the JSON API itself serves no active content.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

const middleware = helmet(SECURITY_HEADER_OPTIONS);

/**
 * The headers helmet sets, read once by running it against a response that records them: nothing in
 * these options depends on the request (no nonces, no per-request functions).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  middleware({} as IncomingMessage, recorder, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
  });
  return headers;
}

/**
 * helmet's headers on every response, errors and 404s included. Computed once and added to each
 * reply, rather than helmet's middleware building the same headers (its CSP string included) on
 * every request; @fastify/helmet, before that, even rebuilt the middleware itself each time.
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
