import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a caller's id when it is a harmless token, otherwise makes a new one. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  const id = value && ACCEPTABLE.test(value) ? value : randomUUID();
  // pino-http reads the same id from the raw request, so every log line of the request carries it.
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}
