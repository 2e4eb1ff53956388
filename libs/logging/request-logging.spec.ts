import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { logRequests, requestLogFields } from './request-logging';

/** A pino logger as the app configures it (the request on each line through `mixin`), writing to an array. */
function memoryLogger(level = 'info'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = pino(
    {
      level,
      mixin: requestLogFields,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    stream,
  );
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logRequests', () => {
  let app: FastifyInstance;
  let log: ReturnType<typeof memoryLogger>;

  async function start(level = 'info'): Promise<void> {
    log = memoryLogger(level);
    app = Fastify({ genReqId: (req) => String(req.headers['x-request-id'] ?? 'generated') });
    logRequests(app, log.logger);
    app.post('/echo', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.logger.info({ context: 'Handler' }, 'inside');
      return request.body;
    });
    app.get('/health/live', () => ({ status: 'ok' }));
    app.get('/boom', (_request, reply) => reply.code(503).send({}));
    await app.ready();
  }

  afterEach(async () => {
    await app.close();
  });

  it('puts the request on every line logged while serving it, after its body was read too', async () => {
    await start();
    await app.inject({ method: 'POST', url: '/echo', headers: { 'x-request-id': 'r-1' }, payload: { a: 1 } });

    expect(log.lines()).toEqual([
      expect.objectContaining({
        msg: 'inside',
        context: 'Handler',
        requestId: 'r-1',
        req: { method: 'POST', url: '/echo' },
      }),
      expect.objectContaining({
        msg: 'request completed',
        requestId: 'r-1',
        req: { method: 'POST', url: '/echo' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('logs unknown routes and 5xx answers (with an error), and leaves out the probes', async () => {
    await start();
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/nowhere?x=1', headers: { 'x-request-id': 'r-2' } });
    await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'r-3' } });

    expect(log.lines().map(({ msg, requestId, res, err }) => ({ msg, requestId, res, err: Boolean(err) }))).toEqual([
      { msg: 'request completed', requestId: 'r-2', res: { statusCode: 404 }, err: false },
      { msg: 'request errored', requestId: 'r-3', res: { statusCode: 503 }, err: true },
    ]);
  });

  it('adds nothing to lines logged outside a request, and logs no answers below its level', async () => {
    await start('warn');
    log.logger.warn('outside');
    await app.inject({ method: 'GET', url: '/nowhere' });

    expect(log.lines()).toEqual([expect.not.objectContaining({ requestId: expect.anything() })]);
  });
});
