import { PassThrough } from 'node:stream';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PublishedGenerationEvent } from '../../../ai';

export const HEARTBEAT_INTERVAL_MS = 15_000;
/** How long EventSource waits before reconnecting after a drop. */
export const RECONNECT_AFTER_MS = 3_000;
/** A watcher this far behind (bytes buffered for it) is dropped; it reconnects with Last-Event-ID. */
export const MAX_BUFFERED_BYTES = 1_048_576;

/**
 * One Server-Sent Events response. Sent through Fastify as a stream (not a hijacked socket), so the
 * reply keeps every header Fastify and its hooks set (X-Request-Id, CORS, security headers) and
 * the metrics hook still sees it finish. Events given before `open()` wait for it.
 */
export class SseStream {
  private readonly body = new PassThrough();
  private readonly closeHandlers: (() => unknown)[] = [];
  private heartbeat?: NodeJS.Timeout;
  private pending: string[] | undefined = [];
  private closed = false;

  constructor(
    private readonly reply: FastifyReply,
    private readonly heartbeatMs = HEARTBEAT_INTERVAL_MS,
  ) {
    // The response closes when the client goes away (Fastify then destroys the body) or once it has ended.
    this.body.once('close', () => this.finish());
    reply.raw.once('close', () => {
      if (!this.body.destroyed) this.body.destroy();
      this.finish();
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  open(): void {
    if (this.closed) return;
    void this.reply
      .status(200)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(this.body);
    // A first line flushes the headers at once, so the client knows it is connected.
    this.write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
    const waiting = this.pending ?? [];
    this.pending = undefined;
    waiting.forEach((frame) => this.write(frame));
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), this.heartbeatMs);
  }

  send(event: PublishedGenerationEvent): void {
    const { type, id, ...data } = event;
    const frame = `${id ? `id: ${id}\n` : ''}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
    if (this.pending) this.pending.push(frame);
    else this.write(frame);
  }

  /** Runs `handler` once the stream is over (at once if it already is). */
  onClose(handler: () => unknown): void {
    if (this.closed) void Promise.resolve().then(handler);
    else this.closeHandlers.push(handler);
  }

  /** Tells the client why the stream is over (an `end` event it should not reconnect after), then ends it. */
  endWith(reason: string): void {
    this.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
    this.end();
  }

  /** Ends the response from our side, after what was written so far. */
  end(): void {
    if (!this.body.writableEnded) this.body.end();
    this.finish();
  }

  private write(frame: string): void {
    if (this.closed || this.body.writableEnded) return;
    // A watcher that does not read is cut off rather than buffered for without bound.
    if (this.body.writableLength > MAX_BUFFERED_BYTES) {
      this.body.destroy();
      return this.finish();
    }
    this.body.write(frame);
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const handler of this.closeHandlers.splice(0)) void Promise.resolve().then(handler);
  }
}

/**
 * The event streams this process serves. An open stream would keep the HTTP server from closing,
 * so they are ended before it closes (clients reconnect to another instance).
 */
@Injectable()
export class SseStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<SseStream>();

  create(reply: FastifyReply): SseStream {
    const stream = new SseStream(reply);
    this.open.add(stream);
    stream.onClose(() => this.open.delete(stream));
    return stream;
  }

  get size(): number {
    return this.open.size;
  }

  beforeApplicationShutdown(): void {
    for (const stream of this.open) stream.end();
  }
}
