import OpenAI from 'openai';
import { LlmError, type FailureKind, type LlmErrorCode } from '../../domain/generation.errors';

/** Why the adapter itself stopped a call, when it did. */
export type StopReason = 'caller_aborted' | 'idle_timeout';

/**
 * Classifies anything the openai SDK (or the stream) threw as an LlmError.
 *
 * - 429 `rate_limit_exceeded` → transient, with the retry-after the provider sent;
 *   429 `insufficient_quota`, 402 and `billing_hard_limit_reached` → permanent `insufficient_quota`
 *   (the SDK would retry a 429; more tries cannot help).
 * - 408, 409, 5xx, timeouts, connection errors, drops mid-stream → transient.
 * - 400, 401, 403, 404, 422 and other 4xx → permanent.
 *
 * Every `APIConnectionError` is transient: under Jest a timeout arrives as that base class rather
 * than `APIConnectionTimeoutError` (its DOMException comes from another realm). Provider messages
 * are not copied (a 401's message quotes part of the key): the LlmError says status, code and type.
 */
export function toLlmError(error: unknown, stopped?: StopReason): LlmError {
  if (error instanceof LlmError) return error;
  if (stopped === 'caller_aborted') return new LlmError('transient', 'aborted', 'The call was aborted by its caller');
  if (stopped === 'idle_timeout') return new LlmError('transient', 'timeout', 'The stream stopped sending data');
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError('transient', 'aborted', 'The call was aborted');
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new LlmError('transient', 'timeout', 'The provider did not answer in time');
  if (error instanceof OpenAI.APIConnectionError) {
    // An organization's own provider that now resolves to a forbidden address: more tries cannot help.
    if (causedByForbiddenTarget(error))
      return new LlmError('permanent', 'connection', "The provider's address is not allowed");
    const timedOut = /timed? ?out/i.test(error.message);
    return new LlmError(
      'transient',
      timedOut ? 'timeout' : 'connection',
      timedOut ? 'The provider did not answer in time' : 'Could not reach the provider',
    );
  }
  if (error instanceof OpenAI.APIError) return fromApiError(error);
  // Raised while reading the stream: a socket reset (TypeError: terminated), malformed JSON…
  // (duck-typed: under Jest, errors from Node's fetch come from another realm and fail instanceof Error).
  const name =
    typeof (error as { name?: unknown } | undefined)?.name === 'string'
      ? (error as { name: string }).name
      : 'unknown error';
  return new LlmError('transient', 'connection', `The stream broke: ${name}`);
}

/** True when a cause in the chain is a connection refused by the outgoing address guard (libs/net). */
function causedByForbiddenTarget(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth += 1) {
    if ((cause as { code?: unknown }).code === 'EFORBIDDEN') return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function fromApiError(error: InstanceType<typeof OpenAI.APIError>): LlmError {
  const status = typeof error.status === 'number' ? error.status : undefined;
  const providerCode = error.code ?? error.type ?? undefined;
  const details = {
    ...(status !== undefined && { status }),
    ...(error.requestID && { providerRequestId: error.requestID }),
  };
  const retryAfterMs = retryAfterMsOf(error.headers);
  const make = (kind: FailureKind, code: LlmErrorCode, withRetryAfter = false) =>
    new LlmError(kind, code, describe(status, providerCode, code), {
      ...details,
      ...(withRetryAfter && retryAfterMs !== undefined && { retryAfterMs }),
    });

  if (isQuotaOrBilling(status, error.code, error.type)) return make('permanent', 'insufficient_quota');
  if (status === 429 || error.code === 'rate_limit_exceeded') return make('transient', 'rate_limited', true);
  if (status === undefined) {
    // An error event inside a 200 stream: OpenAI sends these for server-side trouble.
    return error.type === 'invalid_request_error'
      ? make('permanent', 'invalid_request')
      : make('transient', 'server_error', true);
  }
  if (status >= 500) return make('transient', 'server_error', true);
  if (status === 408) return make('transient', 'timeout', true);
  if (status === 409) return make('transient', 'server_error', true);
  if (status === 401 || status === 403) return make('permanent', 'auth');
  if (status === 404) return make('permanent', 'model_not_found');
  return make('permanent', 'invalid_request');
}

const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'billing_not_active']);

function isQuotaOrBilling(status: number | undefined, code: unknown, type: unknown): boolean {
  return status === 402 || QUOTA_CODES.has(String(code)) || QUOTA_CODES.has(String(type));
}

/**
 * The same failure of a call to an organization's own provider: its quota and billing errors are
 * `provider_quota` (its administrators must top up their own account), not the deployment's.
 */
export function forOwnProvider(error: LlmError): LlmError {
  if (error.code !== 'insufficient_quota') return error;
  return new LlmError(
    'permanent',
    'provider_quota',
    error.message.replace('(insufficient_quota)', '(provider_quota)'),
    error.details,
  );
}

function describe(status: number | undefined, providerCode: string | undefined, code: LlmErrorCode): string {
  return `OpenAI ${status ?? 'stream'} error${providerCode ? ` ${providerCode}` : ''} (${code})`;
}

/**
 * `retry-after-ms` (milliseconds, OpenAI's own) wins over `retry-after` (seconds or an HTTP date).
 * Undefined when neither is usable.
 */
export function retryAfterMsOf(headers: Headers | undefined, now: () => number = Date.now): number | undefined {
  if (!headers) return undefined;
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number.parseFloat(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
