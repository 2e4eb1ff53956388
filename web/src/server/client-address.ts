import 'server-only';
import { createHmac } from 'node:crypto';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_RECORDED, normaliseAddress } from '../../scripts/client-address.mjs';

/** The header the API reads the client's address from (libs/http/client-address.ts there). */
export const CLIENT_HEADER = 'x-contexor-client';

/**
 * `<address>.<unixSeconds>.<base64url HMAC-SHA256(secret, "<address>.<unixSeconds>")>`: the API
 * believes the address while the time is within 60 s of its clock and the signature is right.
 */
export function signClientAddress(address: string, secret: string, unixSeconds: number): string {
  const payload = `${address}.${unixSeconds}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/**
 * The headers that tell the API who the client of `incoming` is: X-Contexor-Client, signed now, with
 * the address scripts/start.mjs recorded from the connection. Nothing when CLIENT_ADDRESS_SECRET is
 * unset or the dashboard was not started by start.mjs (`next dev`, `next start`), where that header
 * could come from the client; the API then counts the request by the dashboard's own address. Put
 * these on every request to the API, and never a client's X-Forwarded-For or X-Real-IP.
 */
export function clientHeaders(incoming: Pick<Headers, 'get'>): Record<string, string> {
  const secret = process.env.CLIENT_ADDRESS_SECRET;
  if (!secret || process.env[CLIENT_ADDRESS_RECORDED] !== '1') return {};
  const address = normaliseAddress(incoming.get(CLIENT_ADDRESS_HEADER));
  if (!address) return {};
  return { [CLIENT_HEADER]: signClientAddress(address, secret, Math.floor(Date.now() / 1000)) };
}
