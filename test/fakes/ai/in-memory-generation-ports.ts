import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../../../src/ai/application/ports/generation-events';
import {
  LlmClient,
  type DeltaListener,
  type LlmRequest,
  type LlmResult,
} from '../../../src/ai/application/ports/llm-client';
import type { GenerationEvent, PublishedGenerationEvent } from '../../../src/ai/domain/generation-event';

/**
 * In-memory stand-ins for the ai context's ports, for use-case specs and the benchmark. They keep
 * what they were given so a test can assert on it.
 */

/** Delivers published events synchronously to subscribers of the same process, and keeps them all. */
export class InMemoryGenerationEvents extends GenerationEvents {
  readonly published: { contentId: string; event: PublishedGenerationEvent }[] = [];
  private readonly listeners = new Map<string, Set<GenerationEventListener>>();
  private sequence = 0;
  failPublishing = false;

  publish(contentId: string, event: GenerationEvent): Promise<string> {
    if (this.failPublishing) return Promise.reject(new Error('redis unavailable'));
    const id = `${++this.sequence}-0`;
    const published = { ...event, id };
    this.published.push({ contentId, event: published });
    for (const listener of this.listeners.get(contentId) ?? []) listener(published);
    return Promise.resolve(id);
  }

  subscribe(contentId: string, listener: GenerationEventListener): Promise<GenerationSubscription> {
    const set = this.listeners.get(contentId) ?? new Set();
    set.add(listener);
    this.listeners.set(contentId, set);
    return Promise.resolve({ close: () => Promise.resolve(void set.delete(listener)) });
  }

  eventsOf(contentId: string): PublishedGenerationEvent[] {
    return this.published.filter((entry) => entry.contentId === contentId).map((entry) => entry.event);
  }
}

/** Discards events: the benchmark's baseline without Redis. */
export class NullGenerationEvents extends GenerationEvents {
  publish(): Promise<string> {
    return Promise.resolve('0-0');
  }

  subscribe(): Promise<GenerationSubscription> {
    return Promise.resolve({ close: () => Promise.resolve() });
  }
}

export type LlmScriptStep =
  { pieces: string[]; result?: Partial<LlmResult> } | { error: Error; piecesFirst?: string[] };

/** Plays scripted answers and failures, one per call, in order; records each request. */
export class ScriptedLlmClient extends LlmClient {
  readonly requests: LlmRequest[] = [];
  private calls = 0;

  constructor(private readonly script: LlmScriptStep[]) {
    super();
  }

  async stream(request: LlmRequest, onDelta: DeltaListener): Promise<LlmResult> {
    this.requests.push(request);
    const step = this.script[Math.min(this.calls, this.script.length - 1)];
    this.calls += 1;
    if (!step) throw new Error('ScriptedLlmClient has no script');
    if ('error' in step) {
      for (const piece of step.piecesFirst ?? []) await onDelta(piece);
      throw step.error;
    }
    for (const piece of step.pieces) await onDelta(piece);
    const text = step.pieces.join('');
    return {
      text,
      model: `${request.model}-2025-04-14`,
      responseId: `chatcmpl-${this.calls}`,
      finishReason: 'stop',
      usage: {
        promptTokens: 20,
        completionTokens: step.pieces.length,
        cachedTokens: 0,
        totalTokens: 20 + step.pieces.length,
      },
      usageEstimated: false,
      ...step.result,
    };
  }
}
