import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { WebhookSender, type WebhookResponse } from '../../application/webhooks/webhook-ports';
import { isForbiddenTarget } from '../../domain/webhooks/target-address';

const FORBIDDEN = 'target forbidden';
const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs with node:http(s). The target is checked when the socket connects, through the `lookup`
 * the request uses: the address connected to is the address checked, so a DNS answer that changes
 * between registration and delivery (DNS rebinding) cannot reach a private address. Redirects are
 * not followed (a 3xx is a failure); the response body is read up to 4 KB and dropped.
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

    const guardedLookup: LookupFunction = (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 4);
        const allowed = allowPrivate ? addresses : addresses.filter((entry) => !isForbiddenTarget(entry.address));
        if (!allowed.length) return callback(Object.assign(new Error(FORBIDDEN), { code: 'EFORBIDDEN' }), '', 4);
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, allowed);
        const first = allowed[0] as LookupAddress;
        callback(null, first.address, first.family);
      });
    };
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: this.config.webhooks.timeoutMs,
      lookup: guardedLookup,
    };
    return new Promise((resolve) => {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, options, (res) => {
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = () => resolve({ statusCode: res.statusCode ?? null, durationMs: elapsed(), error: null });
        res.once('end', done);
        res.once('close', done);
        res.once('error', done);
      });
      req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.once('error', (error: NodeJS.ErrnoException) =>
        resolve({
          statusCode: null,
          durationMs: elapsed(),
          error:
            error.message === FORBIDDEN
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
