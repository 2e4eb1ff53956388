import { CompletedCalls } from '../../../src/ai/application/ports/completed-calls';
import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../../../src/ai/application/ports/generation-events';
import {
  GenerationOutcome,
  type CompletedCall,
  type CompletedGeneration,
  type FailedGeneration,
  type SettledContent,
} from '../../../src/ai/application/ports/generation-outcome';
import { GenerationSource, type GenerationRequest } from '../../../src/ai/application/ports/generation-source';
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

export function makeGenerationRequest(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    contentId: '7f1d7c4e-4b44-4b8e-9a55-3f4f0c8a9e01',
    organizationId: '0b6f3a8e-2d1c-4a7b-8e9f-1a2b3c4d5e6f',
    status: 'IN_PROGRESS',
    lastError: null,
    inProgress: true,
    jobId: null,
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You write short Persian marketing copy.' },
      { role: 'user', content: 'یک جمله درباره چای بنویس.' },
    ],
    ...overrides,
  };
}

export class InMemoryGenerationSource extends GenerationSource {
  readonly requests = new Map<string, GenerationRequest>();
  loads = 0;

  constructor(...requests: GenerationRequest[]) {
    super();
    for (const request of requests) this.requests.set(request.contentId, request);
  }

  load(contentId: string): Promise<GenerationRequest | undefined> {
    this.loads += 1;
    return Promise.resolve(this.requests.get(contentId));
  }
}

/**
 * Records outcomes the way the real adapters must behave: one usage record per responseId, the
 * content moved once. `failCompletedTimes` makes `completed` throw that many times first.
 */
export class RecordingGenerationOutcome extends GenerationOutcome {
  readonly completions: CompletedGeneration[] = [];
  readonly failures: FailedGeneration[] = [];
  /** responseId → usage record, as the usage context keys them. */
  readonly usageRecords = new Map<string, CompletedCall['usage']>();
  failCompletedTimes = 0;

  constructor(
    private readonly source?: InMemoryGenerationSource,
    private readonly statusBefore = 'DRAFT',
  ) {
    super();
  }

  completed(generation: CompletedGeneration): Promise<SettledContent> {
    this.completions.push(generation);
    if (this.failCompletedTimes > 0) {
      this.failCompletedTimes -= 1;
      return Promise.reject(new Error('database unavailable'));
    }
    if (!this.usageRecords.has(generation.responseId)) this.usageRecords.set(generation.responseId, generation.usage);
    return Promise.resolve(this.settle(generation.contentId, 'REVIEW', null));
  }

  failed(generation: FailedGeneration): Promise<SettledContent> {
    this.failures.push(generation);
    const call = generation.unrecordedCall;
    if (call && !this.usageRecords.has(call.responseId)) this.usageRecords.set(call.responseId, call.usage);
    return Promise.resolve(
      this.settle(generation.contentId, this.statusBefore, {
        code: generation.error.code,
        message: generation.error.message,
      }),
    );
  }

  private settle(contentId: string, status: string, lastError: SettledContent['lastError']): SettledContent {
    const request = this.source?.requests.get(contentId);
    if (request) Object.assign(request, { status, lastError, inProgress: false });
    return { status, lastError };
  }
}

export class InMemoryCompletedCalls extends CompletedCalls {
  readonly calls = new Map<string, CompletedCall>();

  remember(jobId: string, call: CompletedCall): Promise<void> {
    this.calls.set(jobId, call);
    return Promise.resolve();
  }

  recall(jobId: string): Promise<CompletedCall | undefined> {
    return Promise.resolve(this.calls.get(jobId));
  }
}

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
      ...step.result,
    };
  }
}
