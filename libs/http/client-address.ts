import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who the caller is for rate limits and the audit log: the address in a validly signed
     * X-Contexor-Client header (the dashboard's server vouching for its own client), else `ip`
     * (the socket's address, or a trusted proxy's X-Forwarded-For entry per TRUST_PROXY).
     */
    clientAddress: string;
  }
}

/**
 * `X-Contexor-Client: <address>.<unixSeconds>.<signature>`: the address the dashboard's server saw
 * its client connect from, when it signed that, and base64url(HMAC-SHA256(CLIENT_ADDRESS_SECRET,
 * "<address>.<unixSeconds>")). Read from the right, so an IPv4 address's dots need no escaping.
 */
export const CLIENT_ADDRESS_HEADER = 'x-contexor-client';

/** How far a signature's time may be from this process's clock, either way. */
export const CLIENT_ADDRESS_MAX_SKEW_SECONDS = 60;

// An IPv4 or IPv6 address (at most 45 characters), seconds, and 32 bytes of base64url without padding.
const FORMAT = /^([0-9A-Fa-f:.]{2,45})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export type ClientAddressCheck =
  { valid: true; address: string } | { valid: false; reason: 'malformed' | 'expired' | 'bad-signature' };

/** The header value for `address`, signed at `unixSeconds`. The dashboard's server does the same in TypeScript. */
export function signClientAddress(address: string, secret: string, unixSeconds: number): string {
  const payload = `${address}.${unixSeconds}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** Checks a header value: its shape and address first, then its time, and only then (one HMAC) its signature. */
export function verifyClientAddress(header: string, secret: string, nowSeconds: number): ClientAddressCheck {
  const [, address = '', seconds = '', signature = ''] = FORMAT.exec(header) ?? [];
  if (!isIP(address)) return { valid: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - Number(seconds)) > CLIENT_ADDRESS_MAX_SKEW_SECONDS)
    return { valid: false, reason: 'expired' };
  const expected = createHmac('sha256', secret).update(`${address}.${seconds}`).digest('base64url');
  // Both are 43 characters of base64url here, so the comparison takes the same time whatever they hold.
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return { valid: false, reason: 'bad-signature' };
  return { valid: true, address };
}

/**
 * Sets `request.clientAddress` on every request. Without a secret the header is ignored entirely. A
 * header that does not verify is ignored too (the request counts against the address it came
 * from, as if unsigned) and logged as a warning, without its value: answering 400 would break
 * the dashboard for everyone whenever its clock or secret drifted, and tell a prober what failed.
 */
export function addClientAddress(
  fastify: FastifyInstance,
  secret: string | null,
  now: () => number = Date.now,
  logger: Pick<Logger, 'warn'> = new Logger('ClientAddress'),
): void {
  fastify.decorateRequest('clientAddress', '');
  fastify.addHook('onRequest', (request, _reply, done) => {
    request.clientAddress = request.ip;
    const header = secret ? request.headers[CLIENT_ADDRESS_HEADER] : undefined;
    if (secret && header !== undefined) {
      // A repeated header arrives as one value joined with ", " (or an array): malformed either way.
      const check = verifyClientAddress(String(header), secret, Math.floor(now() / 1000));
      if (check.valid) request.clientAddress = check.address;
      else
        logger.warn(
          { reason: check.reason, ip: request.ip },
          'Ignored an X-Contexor-Client header that does not verify; counting the request by its own address',
        );
    }
    done();
  });
}
