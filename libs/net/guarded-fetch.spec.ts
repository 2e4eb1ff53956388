import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedFetch } from './guarded-fetch';

describe('guardedFetch', () => {
  let server: Server;
  let port: number;
  const received: { method?: string; body: string; authorization?: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method, body, authorization: request.headers.authorization });
        response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' });
        response.write('data: {"n":1}\n\n');
        setTimeout(() => response.end('data: [DONE]\n\n'), 20);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const causeCode = async (attempt: Promise<unknown>) =>
    (
      (await attempt.then(
        () => undefined,
        (error: unknown) => error,
      )) as { cause?: { code?: string } } | undefined
    )?.cause?.code;

  it('refuses a loopback IP address before connecting, as fetch fails (a TypeError with the cause)', async () => {
    const before = received.length;
    expect(await causeCode(guardedFetch(false)(`http://127.0.0.1:${port}/v1/chat/completions`))).toBe('EFORBIDDEN');
    expect(received.length).toBe(before);
  });

  it('refuses a name that resolves only to forbidden addresses when the socket connects', async () => {
    const before = received.length;
    expect(await causeCode(guardedFetch(false)(`http://localhost:${port}/v1/chat/completions`))).toBe('EFORBIDDEN');
    expect(received.length).toBe(before);
  });

  it('with private targets allowed, sends the method, headers and body and streams the answer back', async () => {
    const response = await guardedFetch(true)(`http://localhost:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-org', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1-mini' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.text()).toBe('data: {"n":1}\n\ndata: [DONE]\n\n');
    expect(received.at(-1)).toEqual({
      method: 'POST',
      body: '{"model":"gpt-4.1-mini"}',
      authorization: 'Bearer sk-org',
    });
  });

  it('stops when its signal aborts, with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(guardedFetch(true)(`http://127.0.0.1:${port}/`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
