import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '#libs/config';
import { HttpWebhookSender } from '../../../src/notifications/infrastructure/http/http-webhook-sender';

describe('HttpWebhookSender (local HTTP server)', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      req.resume();
      if (req.url === '/trickle') {
        // The status line a byte at a time, never silent long enough for an idle timeout.
        const line = 'HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n';
        let sent = 0;
        const timer = setInterval(() => {
          if (res.socket?.destroyed || sent >= line.length) return clearInterval(timer);
          res.socket?.write(line[sent++] ?? '');
        }, 100);
        return;
      }
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 100);
        return;
      }
      req.on('end', () => {
        res.statusCode = status;
        if (status === 302) res.setHeader('location', 'http://example.com/');
        res.end('x'.repeat(10_000));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sender = (allowPrivate: boolean, timeoutMs = 2000) =>
    new HttpWebhookSender(
      loadConfig({
        ...process.env,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: String(allowPrivate),
        WEBHOOK_TIMEOUT_MS: String(timeoutMs),
      }),
    );

  it('posts and reports the status when private targets are allowed', async () => {
    status = 204;
    const response = await sender(true).send(
      `http://127.0.0.1:${port}/hook`,
      { 'content-type': 'application/json' },
      '{}',
    );
    expect(response).toEqual({ statusCode: 204, durationMs: expect.any(Number), error: null });
  });

  it('does not follow a redirect: a 3xx is reported as it is', async () => {
    status = 302;
    expect((await sender(true).send(`http://127.0.0.1:${port}/hook`, {}, '{}')).statusCode).toBe(302);
  });

  it('refuses a private IP literal and a host name that resolves to loopback, without connecting', async () => {
    const before = hits;
    expect(await sender(false).send(`http://127.0.0.1:${port}/hook`, {}, '{}')).toMatchObject({
      statusCode: null,
      error: 'target forbidden',
    });
    expect(await sender(false).send(`http://localhost:${port}/hook`, {}, '{}')).toMatchObject({
      statusCode: null,
      error: 'target forbidden',
    });
    expect(hits).toBe(before);
  });

  it('reports a refused connection without a status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await sender(true).send(`http://127.0.0.1:${closedPort}/`, {}, '{}')).toMatchObject({
      statusCode: null,
      error: 'ECONNREFUSED',
    });
  });

  it('ends an attempt at its deadline even when the receiver is never silent long enough to time out', async () => {
    const response = await sender(true, 1000).send(`http://127.0.0.1:${port}/trickle`, {}, '{}');
    expect(response).toMatchObject({ statusCode: null, error: 'timeout' });
  });

  it('judges a receiver that answered its status but dawdles over the body by that status, at the deadline', async () => {
    const response = await sender(true, 1000).send(`http://127.0.0.1:${port}/slow-body`, {}, '{}');
    expect(response).toMatchObject({ statusCode: 200, error: null });
  });
});
