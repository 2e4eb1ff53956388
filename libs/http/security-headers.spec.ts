import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import Fastify from 'fastify';
import helmet from 'helmet';
import { addSecurityHeaders, SECURITY_HEADER_OPTIONS, securityHeaders } from './security-headers';

/** What helmet's middleware itself sets on a real response, with this API's options. */
function helmetOwnHeaders(): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(SECURITY_HEADER_OPTIONS)(request, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

describe('security headers', () => {
  it('are exactly what helmet sets, read once', () => {
    expect(securityHeaders()).toEqual(helmetOwnHeaders());
    expect(Object.keys(securityHeaders())).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-content-type-options']),
    );
  });

  it('are on every answer, errors and unknown routes included', async () => {
    const app = Fastify();
    addSecurityHeaders(app);
    app.get('/ok', () => ({ ok: true }));
    app.get('/fails', () => {
      throw new Error('boom');
    });
    try {
      for (const url of ['/ok', '/fails', '/nowhere']) {
        const answer = await app.inject({ method: 'GET', url });
        expect(answer.headers).toMatchObject(securityHeaders());
      }
    } finally {
      await app.close();
    }
  });
});
