import type { PublicFailure } from './generation.errors';

/** The content status while a generation runs (the contract's state machine; the content context owns it). */
export const GENERATING_STATUS = 'IN_PROGRESS';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the provider's prompt cache (billed at a lower price). */
  cachedTokens: number;
  /**
   * The part of the completion tokens the model spent reasoning (o-series, gpt-5): already in
   * `completionTokens`. Absent on a call remembered before it was recorded: none reported.
   */
  reasoningTokens?: number;
  totalTokens: number;
}

/**
 * What a watcher of a content sees while it is generated, in order. A `status` of IN_PROGRESS
 * (re)starts the text: after a retry the deltas begin again from the first word.
 */
export type GenerationEvent =
  | { type: 'status'; status: string; lastError?: PublicFailure | null; jobId?: string; attempt?: number }
  | { type: 'delta'; text: string }
  | { type: 'done'; jobId: string; model: string; finishReason: string | null; usage: TokenUsage }
  | ({ type: 'error'; retrying: boolean; retryAfterMs?: number; jobId?: string } & PublicFailure);

export type GenerationEventType = GenerationEvent['type'];

/** An event as delivered to watchers: `id` orders events of one content and resumes a stream (SSE Last-Event-ID). */
export type PublishedGenerationEvent = GenerationEvent & { id?: string };
