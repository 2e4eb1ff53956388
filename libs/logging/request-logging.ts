import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Routes whose answers are not logged: probes and scrapes, many a minute. */
const UNLOGGED_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/** The request being served, for every line logged while serving it (see requestLogFields). */
const serving = new AsyncLocalStorage<FastifyRequest>();

/**
 * pino's `mixin`: the request being served, as `req` (through the `req` serializer) and `requestId`,
 * on every line logged while serving it, and nothing outside a request. Read when a line is
 * written, so a request that logs nothing pays nothing for it.
 */
export function requestLogFields(): object {
  const request = serving.getStore();
  return request ? { req: request.raw, requestId: request.id } : {};
}

/**
 * Logs every answer as pino-http did from a Nest middleware, for a fraction of its cost per request
 * (no child loggers, no middleware engine): `request completed` with `req`, `requestId`, `res` and
 * `responseTime` (ms); `request errored` with `err` as well for a 5xx; `request aborted` when the
 * client left before its answer; nothing for probes and scrapes. Unknown routes are logged too.
 * Register it before the other request hooks, so that what they log carries the request as well.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, _reply, done) => serving.run(request, done));
  fastify.addHook('onResponse', (request, reply, done) => {
    if (logged(request))
      logger.info(answerOf(request, reply), reply.statusCode >= 500 ? 'request errored' : 'request completed');
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    if (logged(request)) logger.info({ req: request.raw, requestId: request.id }, 'request aborted');
    done();
  });

  function logged(request: FastifyRequest): boolean {
    return logger.isLevelEnabled('info') && !UNLOGGED_ROUTES.has(request.routeOptions.url ?? '');
  }
}

function answerOf(request: FastifyRequest, reply: FastifyReply): object {
  const { statusCode } = reply;
  return {
    req: request.raw,
    requestId: request.id,
    res: reply.raw,
    ...(statusCode >= 500 && { err: new Error(`failed with status code ${statusCode}`) }),
    responseTime: Math.round(reply.elapsedTime),
  };
}
