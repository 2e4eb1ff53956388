import OpenAI from 'openai';
import { LlmError } from '../../domain/generation.errors';
import { forOwnProvider, retryAfterMsOf, toLlmError } from './openai-errors';

/** An HTTP error exactly as the SDK builds it from a response: APIError.generate(status, body, message, headers). */
function httpError(status: number, error: Record<string, unknown> | undefined, headers: Record<string, string> = {}) {
  return OpenAI.APIError.generate(
    status,
    error && { error },
    undefined,
    new Headers({ 'x-request-id': 'req_123', ...headers }),
  );
}

const rateLimitBody = {
  message: 'Rate limit reached for gpt-4.1-mini on requests per min (RPM)',
  type: 'requests',
  param: null,
  code: 'rate_limit_exceeded',
};
const quotaBody = {
  message: 'You exceeded your current quota',
  type: 'insufficient_quota',
  param: null,
  code: 'insufficient_quota',
};

describe('toLlmError', () => {
  it('makes a 429 rate_limit_exceeded transient, with the retry-after in ms', () => {
    const sdkError = httpError(429, rateLimitBody, { 'retry-after': '7' });
    expect(sdkError).toBeInstanceOf(OpenAI.RateLimitError);

    const error = toLlmError(sdkError);

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({
      kind: 'transient',
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 7000,
      details: { providerRequestId: 'req_123' },
    });
  });

  it('prefers retry-after-ms', () => {
    expect(
      toLlmError(httpError(429, rateLimitBody, { 'retry-after': '7', 'retry-after-ms': '1250.5' })).retryAfterMs,
    ).toBe(1251);
  });

  it('makes a 429 insufficient_quota permanent, whatever retry-after says', () => {
    expect(toLlmError(httpError(429, quotaBody, { 'retry-after': '1' }))).toMatchObject({
      kind: 'permanent',
      code: 'insufficient_quota',
      retryAfterMs: undefined,
    });
  });

  it.each([
    ['a 402', 402, { message: 'Payment required', type: 'invalid_request_error', param: null, code: null }],
    [
      'billing_hard_limit_reached',
      400,
      { message: 'Billing hard limit', type: 'invalid_request_error', param: null, code: 'billing_hard_limit_reached' },
    ],
  ])('makes %s a permanent quota error', (_case, status, body) => {
    expect(toLlmError(httpError(status, body))).toMatchObject({
      kind: 'permanent',
      code: 'insufficient_quota',
      status,
    });
  });

  it('calls a quota or billing error of an organization’s own provider provider_quota, and leaves other errors alone', () => {
    expect(forOwnProvider(toLlmError(httpError(429, quotaBody)))).toMatchObject({
      kind: 'permanent',
      code: 'provider_quota',
      status: 429,
    });
    expect(forOwnProvider(toLlmError(httpError(429, rateLimitBody)))).toMatchObject({ code: 'rate_limited' });
  });

  it.each([500, 502, 503, 504])('makes a %i transient', (status) => {
    const sdkError = httpError(status, {
      message: 'The server had an error',
      type: 'server_error',
      param: null,
      code: null,
    });
    expect(sdkError).toBeInstanceOf(OpenAI.InternalServerError);
    expect(toLlmError(sdkError)).toMatchObject({ kind: 'transient', code: 'server_error', status });
  });

  it('keeps a 503’s retry-after', () => {
    expect(toLlmError(httpError(503, undefined, { 'retry-after': '2' }))).toMatchObject({
      kind: 'transient',
      retryAfterMs: 2000,
    });
  });

  it.each([
    [400, 'invalid_request', OpenAI.BadRequestError],
    [401, 'auth', OpenAI.AuthenticationError],
    [403, 'auth', OpenAI.PermissionDeniedError],
    [404, 'model_not_found', OpenAI.NotFoundError],
    [422, 'invalid_request', OpenAI.UnprocessableEntityError],
  ] as const)('makes a %i permanent (%s)', (status, code, errorClass) => {
    const sdkError = httpError(status, { message: 'nope', type: 'invalid_request_error', param: null, code: null });
    expect(sdkError).toBeInstanceOf(errorClass);
    expect(toLlmError(sdkError)).toMatchObject({ kind: 'permanent', code, status });
  });

  it('makes 408 and 409 transient, as the SDK itself would retry them', () => {
    expect(toLlmError(httpError(408, undefined))).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(toLlmError(httpError(409, undefined))).toMatchObject({ kind: 'transient' });
  });

  it('makes a connection the outgoing address guard refused permanent (an own provider now resolving to a private address)', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('not allowed'), { code: 'EFORBIDDEN' }),
    });
    expect(toLlmError(new OpenAI.APIConnectionError({ cause: refused }))).toMatchObject({
      kind: 'permanent',
      code: 'connection',
      message: "The provider's address is not allowed",
    });
  });

  it('makes every other connection error transient, timeouts included', () => {
    expect(toLlmError(new OpenAI.APIConnectionTimeoutError())).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(toLlmError(new OpenAI.APIConnectionError({ message: 'Request timed out.' }))).toMatchObject({
      kind: 'transient',
      code: 'timeout',
    });
    expect(toLlmError(new OpenAI.APIConnectionError({ cause: new TypeError('fetch failed') }))).toMatchObject({
      kind: 'transient',
      code: 'connection',
    });
    expect(toLlmError(new TypeError('terminated'))).toMatchObject({ kind: 'transient', code: 'connection' });
  });

  it('makes an error event inside a stream transient unless it is an invalid request', () => {
    const headers = new Headers();
    expect(
      toLlmError(new OpenAI.APIError(undefined, { message: 'overloaded', type: 'server_error' }, undefined, headers)),
    ).toMatchObject({ kind: 'transient', code: 'server_error' });
    expect(
      toLlmError(new OpenAI.APIError(undefined, { message: 'bad', type: 'invalid_request_error' }, undefined, headers)),
    ).toMatchObject({ kind: 'permanent', code: 'invalid_request' });
  });

  it('says why the adapter stopped a call when it did', () => {
    expect(toLlmError(new OpenAI.APIUserAbortError(), 'caller_aborted')).toMatchObject({
      kind: 'transient',
      code: 'aborted',
    });
    expect(toLlmError(undefined, 'idle_timeout')).toMatchObject({ kind: 'transient', code: 'timeout' });
  });

  it('never copies the provider’s message (a 401 quotes part of the key)', () => {
    const error = toLlmError(
      httpError(401, {
        message: 'Incorrect API key provided: sk-abc*****wxyz.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      }),
    );
    expect(error.message).toBe('OpenAI 401 error invalid_api_key (auth)');
  });
});

describe('retryAfterMsOf', () => {
  it('reads seconds, milliseconds and HTTP dates, and ignores garbage', () => {
    const now = () => Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterMsOf(new Headers({ 'retry-after': '20' }))).toBe(20_000);
    expect(retryAfterMsOf(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Tue, 24 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMsOf(new Headers())).toBeUndefined();
    expect(retryAfterMsOf(undefined)).toBeUndefined();
  });
});
