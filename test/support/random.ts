import { randomInt } from 'node:crypto';

/** A random Iranian mobile (`09…`) so that tests sharing one database never collide. */
export function randomMobile(): string {
  return `0912${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}
