import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { duplicateSubscriber, redisKey } from '#libs/redis';
import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../../application/ports/generation-events';
import type { GenerationEvent, PublishedGenerationEvent } from '../../domain/generation-event';

/** Recent events kept per content for watchers that reconnect (SSE Last-Event-ID): about 10 000 tokens of text, well under 1 MB. */
export const KEPT_EVENTS = 10_000;
/** How long the recent events of a content outlive its last event. */
export const KEPT_EVENTS_TTL_MS = 15 * 60_000;

// One round trip, atomic: keep the event (XADD makes a monotonic id), then PUBLISH "<id> <json>".
const PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', ARGV[1], id .. ' ' .. ARGV[2])
return id
`;
const PUBLISH_SHA = createHash('sha1').update(PUBLISH).digest('hex');

const EVENT_ID = /^(\d+)-(\d+)$/;

interface Channel {
  listeners: Set<(message: string) => void>;
  /** Settles once Redis has confirmed the SUBSCRIBE. */
  subscribed: Promise<unknown>;
}

/**
 * Generation events over Redis pub/sub, so that whichever process runs the job, every API instance
 * reaches its own watchers. Each content has a channel `<prefix>:ai:events:<contentId>`; a short
 * log of its recent events (a Redis stream, whose entry ids are the event ids) lets a watcher that
 * reconnects with Last-Event-ID catch up.
 *
 * Publishing uses the shared connection. Watching uses one dedicated subscriber connection per
 * process, opened on first use and multiplexing every watched channel: a channel is subscribed
 * while at least one watcher of it is connected to this process.
 */
@Injectable()
export class RedisGenerationEvents extends GenerationEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisGenerationEvents.name);
  private readonly channels = new Map<string, Channel>();
  private subscriber?: Redis;

  constructor(
    @Inject(Redis) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async publish(contentId: string, event: GenerationEvent): Promise<string> {
    const args = [
      this.logKey(contentId),
      this.channel(contentId),
      JSON.stringify(event),
      String(KEPT_EVENTS),
      String(KEPT_EVENTS_TTL_MS),
    ];
    try {
      return String(await this.redis.evalsha(PUBLISH_SHA, 1, ...args));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return String(await this.redis.eval(PUBLISH, 1, ...args));
    }
  }

  async subscribe(
    contentId: string,
    listener: GenerationEventListener,
    options: { after?: string } = {},
  ): Promise<GenerationSubscription> {
    const after = options.after && EVENT_ID.test(options.after) ? options.after : undefined;
    let last = after;
    const deliver = (message: string) => {
      const event = parse(message);
      if (!event?.id || (last !== undefined && compareIds(event.id, last) <= 0)) return;
      last = event.id;
      listener(event);
    };
    // While the log is replayed, live messages wait, so that they follow the replay in order.
    let held: string[] | undefined = after === undefined ? undefined : [];
    const onMessage = (message: string) => (held ? held.push(message) : deliver(message));

    const channel = this.channel(contentId);
    const close = await this.listen(channel, onMessage);
    if (after !== undefined) {
      try {
        for (const [id, fields] of await this.redis.xrange(
          this.logKey(contentId),
          `(${after}`,
          '+',
          'COUNT',
          KEPT_EVENTS,
        )) {
          deliver(`${id} ${fields[1] ?? ''}`);
        }
      } catch (error) {
        this.logger.warn(
          { contentId, err: { message: (error as Error).message } },
          'Could not replay recent generation events',
        );
      }
      const pending = held ?? [];
      held = undefined;
      pending.forEach(deliver);
    }
    return { close };
  }

  async onApplicationShutdown(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.channels.clear();
    if (!subscriber) return;
    if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
    else subscriber.disconnect();
  }

  /** Adds a listener to the channel (subscribing on the first one); resolves once messages flow. */
  private async listen(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.connection();
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), subscribed: subscriber.subscribe(channel) };
      this.channels.set(channel, entry);
    }
    entry.listeners.add(onMessage);
    try {
      await entry.subscribed;
    } catch (error) {
      await this.unlisten(channel, onMessage);
      throw error;
    }
    let closed = false;
    return async () => {
      if (closed) return;
      closed = true;
      await this.unlisten(channel, onMessage);
    };
  }

  private async unlisten(channel: string, onMessage: (message: string) => void): Promise<void> {
    const entry = this.channels.get(channel);
    if (!entry?.listeners.delete(onMessage) || entry.listeners.size > 0) return;
    // Commands on one connection run in order: a SUBSCRIBE sent after this UNSUBSCRIBE wins.
    this.channels.delete(channel);
    await this.subscriber?.unsubscribe(channel).catch((error: unknown) => {
      this.logger.warn(
        { err: { message: (error as Error).message } },
        'Could not unsubscribe from a generation channel',
      );
    });
  }

  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = duplicateSubscriber(this.redis, 'contexor-generation-events');
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.channels.get(channel)?.listeners ?? []) {
        try {
          listener(message);
        } catch (error) {
          this.logger.error({ err: { message: (error as Error).message } }, 'A generation event listener failed');
        }
      }
    });
    subscriber.on('error', (error: Error) =>
      this.logger.warn({ err: { message: error.message } }, 'Generation events subscriber connection error'),
    );
    this.subscriber = subscriber;
    return subscriber;
  }

  private channel(contentId: string): string {
    return redisKey(this.config, 'ai', 'events', contentId);
  }

  private logKey(contentId: string): string {
    return redisKey(this.config, 'ai', 'events-log', contentId);
  }
}

function parse(message: string): PublishedGenerationEvent | undefined {
  const space = message.indexOf(' ');
  if (space <= 0) return undefined;
  try {
    const event = JSON.parse(message.slice(space + 1)) as GenerationEvent;
    return { ...event, id: message.slice(0, space) };
  } catch {
    return undefined;
  }
}

/** Orders two Redis stream ids (`<ms>-<seq>`). */
export function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}
