import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { addClientAddress, CLIENT_ADDRESS_HEADER, signClientAddress, verifyClientAddress } from './client-address';

const SECRET = 'the-dashboard-and-the-api-share-this-secret';
const NOW = 1_800_000_000;

describe('signClientAddress and verifyClientAddress', () => {
  it.each(['203.0.113.7', '2001:db8::7', '::1', '::ffff:203.0.113.7'])(
    'signs %s as <address>.<seconds>.<base64url HMAC-SHA256> and takes it back',
    (address) => {
      const header = signClientAddress(address, SECRET, NOW);

      const mac = createHmac('sha256', SECRET).update(`${address}.${NOW}`).digest('base64url');
      expect(header).toBe(`${address}.${NOW}.${mac}`);
      expect(verifyClientAddress(header, SECRET, NOW)).toEqual({ valid: true, address });
    },
  );

  it('accepts a signature up to 60 s old or ahead of this clock, and no further', () => {
    const header = signClientAddress('203.0.113.7', SECRET, NOW);

    expect(verifyClientAddress(header, SECRET, NOW + 60)).toEqual({ valid: true, address: '203.0.113.7' });
    expect(verifyClientAddress(header, SECRET, NOW - 60)).toEqual({ valid: true, address: '203.0.113.7' });
    expect(verifyClientAddress(header, SECRET, NOW + 61)).toEqual({ valid: false, reason: 'expired' });
    expect(verifyClientAddress(header, SECRET, NOW - 61)).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a header signed with another secret', () => {
    const header = signClientAddress('203.0.113.7', 'some-other-secret-of-forty-characters-xx', NOW);

    expect(verifyClientAddress(header, SECRET, NOW)).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it.each([
    ['another address', (header: string) => header.replace('203.0.113.7', '203.0.113.8')],
    ['another time', (header: string) => header.replace(`.${NOW}.`, `.${NOW + 1}.`)],
    ['another signature', (header: string) => header.slice(0, -1) + (header.endsWith('A') ? 'B' : 'A')],
  ])('refuses a signed header changed to %s', (_change, tamper) => {
    const header = tamper(signClientAddress('203.0.113.7', SECRET, NOW));

    expect(verifyClientAddress(header, SECRET, NOW)).toEqual({ valid: false, reason: 'bad-signature' });
  });

  const mac = createHmac('sha256', SECRET).update(`x.${NOW}`).digest('base64url');
  it.each([
    ['an empty value', ''],
    ['an address alone', '203.0.113.7'],
    ['no signature', `203.0.113.7.${NOW}`],
    ['no time', `203.0.113.7.${mac}`],
    ['a host name for an address', `example.com.${NOW}.${mac}`],
    ['an address that is not one', `999.1.1.1.${NOW}.${mac}`],
    ['an IPv6 zone', `fe80::1%eth0.${NOW}.${mac}`],
    ['a short signature', `203.0.113.7.${NOW}.${mac.slice(1)}`],
    ['a padded base64 signature', `203.0.113.7.${NOW}.${mac}=`],
    ['a time in milliseconds', `203.0.113.7.${NOW}000.${mac}`],
    ['two headers joined by the HTTP parser', `${signClientAddress('203.0.113.7', SECRET, NOW)}, 203.0.113.8`],
    ['a very long value', `${'1'.repeat(10_000)}.${NOW}.${mac}`],
  ])('refuses %s as malformed', (_case, header) => {
    expect(verifyClientAddress(header, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('addClientAddress', () => {
  function hookFor(secret: string | null, warn = jest.fn()) {
    let hook: onRequestHookHandler | undefined;
    const fastify = {
      decorateRequest: jest.fn(),
      addHook: (_name: string, handler: onRequestHookHandler) => (hook = handler),
    } as unknown as FastifyInstance;
    addClientAddress(fastify, secret, () => NOW * 1000, { warn });
    return (headers: Record<string, string>): FastifyRequest => {
      const request = { id: 'req-1', ip: '10.0.0.2', headers } as unknown as FastifyRequest;
      const done = jest.fn();
      hook!.call(fastify, request, {} as never, done);
      expect(done).toHaveBeenCalledWith();
      return request;
    };
  }

  it('takes the address of a signed header', () => {
    const request = hookFor(SECRET)({ [CLIENT_ADDRESS_HEADER]: signClientAddress('203.0.113.7', SECRET, NOW) });

    expect(request.clientAddress).toBe('203.0.113.7');
  });

  it('uses request.ip when there is no header', () => {
    expect(hookFor(SECRET)({}).clientAddress).toBe('10.0.0.2');
  });

  it('ignores even a valid header when no secret is configured', () => {
    const warn = jest.fn();
    const request = hookFor(null, warn)({ [CLIENT_ADDRESS_HEADER]: signClientAddress('203.0.113.7', SECRET, NOW) });

    expect(request.clientAddress).toBe('10.0.0.2');
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a header that does not verify and warns with the reason, never the value', () => {
    const warn = jest.fn();
    const forged = signClientAddress('203.0.113.7', 'a-guessed-secret-of-at-least-32-chars', NOW);

    const request = hookFor(SECRET, warn)({ [CLIENT_ADDRESS_HEADER]: forged });

    expect(request.clientAddress).toBe('10.0.0.2');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toEqual({ reason: 'bad-signature', ip: '10.0.0.2' });
    expect(JSON.stringify(warn.mock.calls)).not.toContain(forged.split('.').pop());
    expect(JSON.stringify(warn.mock.calls)).not.toContain('203.0.113.7');
  });
});
