import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isForbiddenTarget } from './forbidden-target';

/** The message of the error a connection refused by `guardedLookup` fails with (`code` EFORBIDDEN). */
export const FORBIDDEN_TARGET = 'The target resolves only to addresses that are not allowed';

/**
 * A socket `lookup` that drops forbidden addresses (isForbiddenTarget) from what DNS answers, and
 * fails the connection with EFORBIDDEN when none is left. Checking when the socket connects, not
 * only when a URL is saved, is what stops a name that resolved to a public address at save time
 * from being pointed at an internal one later (DNS rebinding). With `allowPrivate`, it is DNS as is.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const allowed = allowPrivate ? addresses : addresses.filter((entry) => !isForbiddenTarget(entry.address));
      if (!allowed.length) return callback(Object.assign(new Error(FORBIDDEN_TARGET), { code: 'EFORBIDDEN' }), '', 4);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, allowed);
      const first = allowed[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
