import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A local stand-in for Kavenegar's `verify/lookup` and `sms/send` endpoints, so tests can drive the
 * real HTTP adapters (`KAVENEGAR_BASE_URL = fake.baseUrl`) and read the one-time code the user
 * "received" (`messages`) or the alert texts sent (`texts`).
 */

/** Statuses `failNext` can script: 409 and 5xx are transient, the rest are configuration errors. */
export type FakeKavenegarFailureStatus = 403 | 409 | 418 | 424 | 426 | 500 | 502 | 503;

export interface FakeKavenegarOptions {
  /** When set, any other key in the path gets 401. */
  apiKey?: string;
  /** Known template names; any other gets 424. Default: every template is known. */
  templates?: readonly string[];
}

export interface KavenegarMessage {
  messageId: number;
  receptor: string;
  template: string;
  token: string;
  token2?: string;
  token3?: string;
  type?: string;
  apiKey: string;
  /** The text the fake says it sent. */
  text: string;
  sentAt: Date;
}

/** A plain text sent with `sms/send`. */
export interface KavenegarText {
  messageId: number;
  receptor: string;
  message: string;
  sender?: string;
  apiKey: string;
  sentAt: Date;
}

export interface KavenegarRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  params: Record<string, string>;
}

const STATUS_MESSAGES: Record<number, string> = {
  200: 'تایید شد',
  401: 'کد شناسائی API-Key معتبر نمی‌باشد',
  403: 'کد شناسائی API-Key معتبر نمی‌باشد',
  404: 'متد نامشخص است',
  405: 'متد Get/Post اشتباه است',
  409: 'سرور قادر به پاسخگوئی نیست بعدا تلاش کنید',
  411: 'دریافت کننده نامعتبر است',
  418: 'اعتبار حساب شما کافی نیست',
  424: 'الگوی مورد نظر پیدا نشد',
  414: 'متن پیامک خالی است',
  426: 'استفاده از این متد نیازمند سرویس پیشرفته می‌باشد',
  431: 'ساختار کد صحیح نمی‌باشد',
  500: 'خطای داخلی سرور',
  502: 'خطای دروازه',
  503: 'سرویس در دسترس نیست',
};

const METHOD_PATH = /^\/v1\/([^/]+)\/(verify\/lookup|sms\/send)\.json$/;

export class FakeKavenegarServer {
  readonly messages: KavenegarMessage[] = [];
  readonly texts: KavenegarText[] = [];
  readonly requests: KavenegarRequest[] = [];

  private failures: FakeKavenegarFailureStatus[] = [];
  private latencyMs = 0;
  private nextMessageId = 8_792_343;
  private readonly events = new EventEmitter();
  private readonly stopping = new AbortController();

  private readonly server: Server = createServer((req, res) => this.dispatch(req, res));

  private constructor(private readonly options: FakeKavenegarOptions) {}

  static async start(options: FakeKavenegarOptions = {}): Promise<FakeKavenegarServer> {
    const fake = new FakeKavenegarServer(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get requestCount(): number {
    return this.requests.length;
  }

  /** Queues `count` failures with this status; each following request takes the oldest one first. */
  failNext(count: number, status: FakeKavenegarFailureStatus): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  /** Delay before every response. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** The token of the last message sent to this receptor (compared by its last ten digits). */
  lastCodeFor(receptor: string): string | undefined {
    return this.lastMessageFor(receptor)?.token;
  }

  /**
   * Resolves with the last message to `receptor` among `messages[since..]`, waiting for one if
   * there is none yet. Pass `fake.messages.length`, read before the action, to wait for a new one.
   */
  waitForMessage(receptor: string, timeoutMs = 5000, since = 0): Promise<KavenegarMessage> {
    const existing = this.lastMessageFor(receptor, since);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.events.off('message', onMessage);
        this.events.off('stop', onStop);
        outcome();
      };
      const onMessage = (message: KavenegarMessage) => {
        if (sameReceptor(message.receptor, receptor)) finish(() => resolve(message));
      };
      const onStop = () => finish(() => reject(new Error('FakeKavenegarServer stopped while waiting for a message')));
      const timer = setTimeout(
        () => finish(() => reject(new Error(`No SMS to ${receptor} within ${timeoutMs} ms`))),
        timeoutMs,
      );
      this.events.on('message', onMessage);
      this.events.on('stop', onStop);
    });
  }

  reset(): void {
    this.messages.length = 0;
    this.texts.length = 0;
    this.requests.length = 0;
    this.failures = [];
    this.latencyMs = 0;
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.stopping.abort();
    this.events.emit('stop');
    const closed = new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    this.server.closeAllConnections();
    await closed;
  }

  private lastMessageFor(receptor: string, since = 0): KavenegarMessage | undefined {
    return this.messages.slice(since).findLast((m) => sameReceptor(m.receptor, receptor));
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    this.handle(req, res).catch(() => {
      if (!res.headersSent) sendReturn(res, 500);
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rawBody = await readBody(req);
    // Like the real API: query parameters work for GET and POST, a form body only for POST.
    const params = Object.fromEntries(url.searchParams);
    if (req.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(rawBody)));
    const [apiKey, method] = matchPath(url.pathname);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, apiKey, params });

    if (this.latencyMs > 0)
      await sleep(this.latencyMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    if (this.stopping.signal.aborted) return;

    if (apiKey === undefined) return sendReturn(res, 404);
    if (req.method !== 'POST' && req.method !== 'GET') return sendReturn(res, 405);
    if (this.options.apiKey !== undefined && apiKey !== this.options.apiKey) return sendReturn(res, 401);

    const failure = this.failures.shift();
    if (failure !== undefined) return sendReturn(res, failure);

    if (method === 'sms/send') return this.sendText(res, apiKey, params);
    const { receptor, template, token, token2, token3, type } = params;
    if (!receptor || !token) return sendReturn(res, 411);
    // Kavenegar refuses spaces in token, token2 and token3.
    if ([token, token2, token3].some((t) => t !== undefined && /\s/.test(t))) return sendReturn(res, 431);
    if (!template || (this.options.templates && !this.options.templates.includes(template)))
      return sendReturn(res, 424);

    const message: KavenegarMessage = {
      messageId: this.nextMessageId++,
      receptor,
      template,
      token,
      ...(token2 !== undefined && { token2 }),
      ...(token3 !== undefined && { token3 }),
      ...(type !== undefined && { type }),
      apiKey,
      text: [`کد تایید شما: ${token}`, token2, token3].filter(Boolean).join('\n'),
      sentAt: new Date(),
    };
    this.messages.push(message);
    this.events.emit('message', message);
    sendJson(res, 200, {
      return: { status: 200, message: STATUS_MESSAGES[200] },
      entries: [
        {
          messageid: message.messageId,
          message: message.text,
          status: 5,
          statustext: 'ارسال به مخابرات',
          sender: '10004346',
          receptor,
          date: Math.floor(message.sentAt.getTime() / 1000),
          cost: 120,
        },
      ],
    });
  }

  private sendText(res: ServerResponse, apiKey: string, params: Record<string, string>): void {
    const { receptor, message, sender } = params;
    if (!receptor) return sendReturn(res, 411);
    if (!message) return sendReturn(res, 414);
    const text: KavenegarText = {
      messageId: this.nextMessageId++,
      receptor,
      message,
      ...(sender !== undefined && { sender }),
      apiKey,
      sentAt: new Date(),
    };
    this.texts.push(text);
    sendJson(res, 200, {
      return: { status: 200, message: STATUS_MESSAGES[200] },
      entries: [
        {
          messageid: text.messageId,
          message,
          status: 1,
          statustext: 'در صف ارسال',
          sender: sender ?? '10004346',
          receptor,
          date: Math.floor(text.sentAt.getTime() / 1000),
          cost: 120,
        },
      ],
    });
  }
}

function matchPath(pathname: string): [apiKey: string | undefined, method: string | undefined] {
  const match = METHOD_PATH.exec(pathname);
  return match ? [decodeURIComponent(match[1]!), match[2]] : [undefined, undefined];
}

/** Compares phone numbers by their last ten digits, so 0912…, 98912… and +98912… match. */
function sameReceptor(a: string, b: string): boolean {
  return lastTenDigits(a) === lastTenDigits(b);
}

function lastTenDigits(phone: string): string {
  const ascii = phone
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return ascii.replace(/\D/g, '').slice(-10);
}

function sendReturn(res: ServerResponse, status: number): void {
  sendJson(res, status, { return: { status, message: STATUS_MESSAGES[status] ?? 'خطا' }, entries: null });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
