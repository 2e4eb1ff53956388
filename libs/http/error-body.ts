import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '#libs/ddd';
import { isUnavailableError } from './unavailable';

/** The contract's error body. Every error the API sends has exactly this shape. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
  requestId: string;
}

export interface ErrorResponse {
  body: ErrorBody;
  headers: Record<string, string>;
  /** Whether this is our fault (logged with its stack) rather than the client's. */
  unexpected: boolean;
  /** Whether PostgreSQL or Redis did not answer in time (logged as a warning: an outage, not a bug). */
  unavailable: boolean;
}

/** Long enough for a pool to free a connection or a failover to finish, short enough not to lose the user. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  limit: HttpStatus.PAYMENT_REQUIRED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

// Fastify's own errors, raised before a request reaches Nest (body parsing, size limits).
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'The body is empty but Content-Type says JSON',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'Content-Length does not match the body',
  },
};

interface ErrorWithCode {
  code?: unknown;
  statusCode?: unknown;
}

function fastifyErrorCode(error: unknown): keyof typeof FASTIFY_ERRORS | undefined {
  const code = ((error ?? {}) as ErrorWithCode).code;
  return typeof code === 'string' && code in FASTIFY_ERRORS ? code : undefined;
}

export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  const make = (
    statusCode: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    unexpected = false,
  ): ErrorResponse => ({
    body: { statusCode, code, message, details, requestId },
    headers: {},
    unexpected,
    unavailable: false,
  });

  if (error instanceof DomainError) {
    const response = make(STATUS_BY_KIND[error.kind], error.code, error.message, error.details);
    if (error.retryAfterSeconds !== undefined)
      response.headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    return response;
  }

  // Nest wraps Fastify's own errors (body parsing, body size) in an HttpException with the original as cause.
  const fastifyCode = fastifyErrorCode(error instanceof HttpException ? error.cause : error);
  if (fastifyCode) {
    const known = FASTIFY_ERRORS[fastifyCode];
    return make(known.status, known.code, known.message);
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const payload = error.getResponse();
    const message =
      typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? error.message);
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(message)) {
      return make(404, 'ROUTE_NOT_FOUND', message);
    }
    return make(
      status,
      CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
      message,
      {},
      status >= 500,
    );
  }

  if (isUnavailableError(error)) {
    return {
      ...make(
        503,
        'SERVICE_UNAVAILABLE',
        'The service is briefly overloaded or unreachable. Try again in a few seconds.',
      ),
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      unavailable: true,
    };
  }

  const { statusCode } = (error ?? {}) as ErrorWithCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return make(statusCode, CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', (error as Error).message ?? 'Bad request');
  }
  return make(
    500,
    'INTERNAL',
    'Something went wrong on our side. Quote the request id if you contact support.',
    {},
    true,
  );
}
