import { get, type Agent, type IncomingHttpHeaders } from 'node:http';

const API = '/api/v1';

export interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
}

/** An open `text/event-stream` response, parsed as it arrives. */
export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  events: SseEvent[];
  /** Everything received, comments included. */
  raw(): string;
  /** Settles when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens the stream with node:http and no connection pool, so that closing it closes its socket
 * (undici's fetch opens a spare idle connection after an abort, which holds up the server's close).
 */
export function openEvents(
  baseUrl: string,
  contentId: string,
  headers: Record<string, string>,
  agent: Agent | false = false,
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = get(`${baseUrl}${API}/contents/${contentId}/events`, { headers, agent }, (res) => {
      const events: SseEvent[] = [];
      let text = '';
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event.event) events.push(event);
        }
      });
      res.on('error', () => undefined);
      const ended = new Promise<void>((done) => res.once('end', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        raw: () => text,
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

function parseFrame(frame: string): SseEvent {
  const event: SseEvent = {};
  for (const line of frame.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // comments (": keep-alive") and blank lines
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).trimStart();
    if (field === 'id') event.id = value;
    if (field === 'event') event.event = value;
    if (field === 'data') event.data = JSON.parse(value);
  }
  return event;
}
