import { EventEmitter } from 'node:events';
import type { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { SseStream, SseStreams } from './sse-stream';

/** The parts of a Fastify reply SseStream uses; the body it is given is read as a client would. */
function fakeReply({ read = true } = {}) {
  const raw = new EventEmitter();
  const sent: { status?: number; headers: Record<string, string>; body?: PassThrough; text: string } = {
    headers: {},
    text: '',
  };
  const reply = {
    raw,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: PassThrough) {
      sent.body = body;
      if (read) body.on('data', (chunk: Buffer) => (sent.text += chunk.toString('utf8')));
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, raw, sent };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SseStream', () => {
  it('writes the headers and events as SSE frames, events given before open() included', async () => {
    const { reply, sent } = fakeReply();
    const stream = new SseStream(reply);

    stream.send({ type: 'status', status: 'REVIEW', lastError: null });
    stream.open();
    stream.send({ type: 'delta', text: 'سلام\nدنیا', id: '1700000000000-0' });
    await flush();

    expect(sent.status).toBe(200);
    expect(sent.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
    });
    expect(sent.text).toBe(
      'retry: 3000\n\n' +
        'event: status\ndata: {"status":"REVIEW","lastError":null}\n\n' +
        'id: 1700000000000-0\nevent: delta\ndata: {"text":"سلام\\nدنیا"}\n\n',
    );
    stream.end();
  });

  it('sends a comment as heartbeat', async () => {
    const { reply, sent } = fakeReply();
    const stream = new SseStream(reply, 10);
    stream.open();
    try {
      const heartbeats = () => sent.text.match(/: keep-alive\n\n/g)?.length ?? 0;
      for (let waited = 0; heartbeats() < 2 && waited < 2_000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));

      expect(heartbeats()).toBeGreaterThanOrEqual(2);
    } finally {
      stream.end();
    }
  });

  it('runs close handlers once when the client goes away, and stops writing', async () => {
    const { reply, raw, sent } = fakeReply();
    const stream = new SseStream(reply, 10);
    const closed = jest.fn();
    stream.onClose(closed);
    stream.open();

    raw.emit('close');
    stream.send({ type: 'delta', text: 'late' });
    await flush();

    expect(closed).toHaveBeenCalledTimes(1);
    expect(stream.isClosed).toBe(true);
    expect(sent.text).not.toContain('late');
    stream.onClose(closed);
    await flush();
    expect(closed).toHaveBeenCalledTimes(2); // a handler added after the close runs at once
  });

  it('cuts off a watcher that does not read', () => {
    const { reply, sent } = fakeReply({ read: false });
    const stream = new SseStream(reply);
    stream.open();
    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 40 && !stream.isClosed; i++) stream.send({ type: 'delta', text: big });

    expect(stream.isClosed).toBe(true);
    expect(sent.body?.destroyed).toBe(true);
  });
});

describe('SseStreams', () => {
  it('ends every open stream before the application shuts down', async () => {
    const streams = new SseStreams();
    const first = fakeReply();
    const second = fakeReply();
    const a = streams.create(first.reply);
    const b = streams.create(second.reply);
    a.open();
    b.open();
    expect(streams.size).toBe(2);

    streams.beforeApplicationShutdown();
    await flush();

    expect([a.isClosed, b.isClosed]).toEqual([true, true]);
    expect(first.sent.body?.writableEnded).toBe(true);
    expect(streams.size).toBe(0);
  });
});
