/**
 * Why a generation attempt stopped. `transient` failures are worth another attempt (the queue
 * retries them with backoff); `permanent` ones will fail the same way again and end the job.
 */
export type FailureKind = 'transient' | 'permanent';

export type LlmErrorCode =
  | 'rate_limited'
  | 'insufficient_quota'
  /** The organization's own provider answered a quota or billing error (its account, not the deployment's). */
  | 'provider_quota'
  | 'server_error'
  | 'timeout'
  | 'connection'
  /** The stream ended before its usage chunk: nothing can be recorded honestly, so try again. */
  | 'incomplete_stream'
  /** The caller's signal aborted the call (the job lost its lock or was cancelled). */
  | 'aborted'
  | 'invalid_request'
  | 'model_not_found'
  | 'auth';

export type GenerationFailureCode =
  | LlmErrorCode
  /** The content disappeared before it could be generated. */
  | 'content_not_found'
  /** The worker running the job died (stalled) more often than allowed. */
  | 'worker_lost'
  /** The job's usage reservation was released before the model was called (the generation was abandoned). */
  | 'reservation_lost'
  /** Anything unexpected (a bug, a database outage that outlived every retry). */
  | 'internal';

/** A failure of a generation attempt that the queue knows how to treat. */
export class GenerationFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: GenerationFailureCode,
    message: string,
    /** How long the other side asked us to wait before trying again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get transient(): boolean {
    return this.kind === 'transient';
  }
}

/**
 * A failed call to the language model, already classified. The message is safe to log: it never
 * holds the API key, the prompt or the generated text.
 */
export class LlmError extends GenerationFailure {
  declare readonly code: LlmErrorCode;

  constructor(
    kind: FailureKind,
    code: LlmErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; providerRequestId?: string } = {},
  ) {
    super(kind, code, message, details.retryAfterMs);
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

const PUBLIC_MESSAGES: Record<GenerationFailureCode, string> = {
  rate_limited: 'The AI provider kept rate-limiting the request. Try again in a few minutes.',
  insufficient_quota: 'The AI provider account has run out of quota. An administrator must top it up.',
  provider_quota:
    "The organization's own AI provider refused the call for quota or billing: an administrator must top up that account.",
  server_error: 'The AI provider had an internal error. Try again later.',
  timeout: 'The AI provider did not answer in time. Try again later.',
  connection: 'The AI provider could not be reached. Try again later.',
  incomplete_stream: 'The AI provider ended the answer early. Try again later.',
  aborted: 'The generation was interrupted. Try again.',
  invalid_request: 'The AI provider refused the request (check the model, the prompt length and maxTokens).',
  model_not_found: 'The AI provider does not know the requested model.',
  auth: 'The AI provider refused the configured API key.',
  content_not_found: 'The content no longer exists.',
  worker_lost: 'The generation was interrupted (its worker stopped or its job was lost) and was abandoned. Try again.',
  reservation_lost: 'The generation was abandoned before it started (its usage reservation had ended). Try again.',
  internal: 'The generation failed unexpectedly. Try again.',
};

/** Every failure code, e.g. for counting failures by code from zero. */
export const GENERATION_FAILURE_CODES = Object.keys(PUBLIC_MESSAGES) as GenerationFailureCode[];

/** A failure as users see it (the content's `lastError`, SSE `error` events): never provider internals. */
export interface PublicFailure {
  /** Stable UPPER_SNAKE code, e.g. `RATE_LIMITED`, `INSUFFICIENT_QUOTA`. */
  code: string;
  /** What happened and what to do. */
  message: string;
}

export function publicFailureOf(code: GenerationFailureCode): PublicFailure {
  return { code: code.toUpperCase(), message: PUBLIC_MESSAGES[code] };
}
