import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { guardedLookup, isForbiddenTarget } from '#libs/net';
import { WebhookSender, type WebhookResponse } from '../../application/webhooks/webhook-ports';

const FORBIDDEN = 'target forbidden';
const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs with node:http(s). The target is checked when the socket connects, through the `lookup`
 * the request uses: the address connected to is the address checked, so a DNS answer that changes
 * between registration and delivery (DNS rebinding) cannot reach a private address. Redirects are
 * not followed (a 3xx is a failure); the response body is read up to 4 KB and dropped.
 *
 * WEBHOOK_TIMEOUT_MS bounds the whole attempt, from connecting to the end of the response, not just
 * each silence: a receiver that sends a byte every few seconds cannot hold a delivery for hours.
 * A receiver that answered its status and then dawdles over the body is judged by that status.
 */
@Injectable()
export class HttpWebhookSender extends WebhookSender {
  constructor(private readonly config: AppConfig) {
    super();
  }

  send(url: string, headers: Record<string, string>, body: string): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    const allowPrivate = this.config.webhooks.allowPrivateTargets;
    const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
    if (!allowPrivate && isIP(host) && isForbiddenTarget(host))
      return Promise.resolve({ statusCode: null, durationMs: elapsed(), error: FORBIDDEN });

    const deadlineMs = this.config.webhooks.timeoutMs;
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: deadlineMs,
      lookup: guardedLookup(allowPrivate),
    };
    return new Promise((resolve) => {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (response: WebhookResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(response);
      };
      const timedOut = () => Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
      let answered: number | null = null;
      const req = send(target, options, (res) => {
        answered = res.statusCode ?? null;
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = () => finish({ statusCode: res.statusCode ?? null, durationMs: elapsed(), error: null });
        res.once('end', done);
        res.once('close', done);
        res.once('error', done);
      });
      // The whole attempt's deadline; the socket's own timeout above only notices silence.
      const deadline = setTimeout(() => {
        if (answered !== null) finish({ statusCode: answered, durationMs: elapsed(), error: null });
        req.destroy(timedOut());
      }, deadlineMs);
      req.once('timeout', () => req.destroy(timedOut()));
      req.once('error', (error: NodeJS.ErrnoException) =>
        finish({
          statusCode: null,
          durationMs: elapsed(),
          error:
            error.code === 'EFORBIDDEN'
              ? FORBIDDEN
              : error.code === 'ETIMEDOUT'
                ? 'timeout'
                : (error.code ?? error.name),
        }),
      );
      req.end(body);
    });
  }
}
