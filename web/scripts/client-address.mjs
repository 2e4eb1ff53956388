// Who the dashboard's client is. scripts/start.mjs runs this on every request before Next sees it:
// Next's own server keeps a client's X-Forwarded-For and does not give route handlers the socket,
// so without this a client could pick the address the API counts its rate limits by.
import { BlockList, isIP, isIPv4 } from 'node:net';

/** The header start.mjs writes the client's address into; whatever a client sent under that name is replaced. */
export const CLIENT_ADDRESS_HEADER = 'x-contexor-client-address';

/** start.mjs sets this variable to '1': only then does the BFF believe CLIENT_ADDRESS_HEADER (not under `next dev` or `next start`). */
export const CLIENT_ADDRESS_RECORDED = 'CONTEXOR_CLIENT_ADDRESS_RECORDED';

/** Headers that could name a client: removed from every request, so no route can pass a client's own value on. */
const CLIENT_CLAIMS = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-contexor-client', CLIENT_ADDRESS_HEADER];

const NAMED_RANGES = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An address as the API should see it (IPv4-mapped IPv6 as plain IPv4), or undefined if it is none. */
export function normaliseAddress(value) {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const address = mapped && isIPv4(mapped[1]) ? mapped[1] : trimmed;
  return isIP(address) && !address.includes('%') ? address : undefined;
}

/**
 * WEB_TRUST_PROXY, read like the API's TRUST_PROXY: `false` (the default: the socket's address is
 * the client), `true` (proxies on loopback and private networks), or a comma-separated list of
 * addresses, CIDRs and the names loopback, linklocal, uniquelocal. Throws on anything else.
 */
export function parseTrustProxy(value) {
  const trimmed = (value ?? '').trim();
  if (trimmed === '' || trimmed === 'false') return null;
  const entries = trimmed === 'true' ? Object.keys(NAMED_RANGES) : trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
  const trusted = new BlockList();
  for (const entry of entries) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      const [address, bits, extra] = range.split('/');
      const family = isIP(address);
      const prefix = Number(bits);
      if (!family || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)))) {
        throw new Error('WEB_TRUST_PROXY must be false, true, or a comma-separated list of addresses or CIDRs');
      }
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) trusted.addAddress(address, type);
      else trusted.addSubnet(address, prefix, type);
    }
  }
  return trusted;
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the nearest address in
 * X-Forwarded-For that is not one, read from the right (entries a client wrote itself sit to the
 * left and are never reached). Stops at the last trusted address when the next entry is not an address.
 */
export function clientAddressOf(socketAddress, forwardedFor, trusted) {
  let address = normaliseAddress(socketAddress);
  if (!address || !trusted) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  while (hops.length && trusted.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) {
    const next = normaliseAddress(hops.pop());
    if (!next) break;
    address = next;
  }
  return address;
}

/** Replaces whatever a client claimed about its address with what this server saw: run before Next handles `req`. */
export function recordClientAddress(req, trusted) {
  const address = clientAddressOf(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trusted);
  for (const name of CLIENT_CLAIMS) delete req.headers[name];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}
