import { ApiResponse, getSchemaPath, type ApiResponseOptions, type SchemaObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

/** The code a status answers with where a route says nothing more specific. */
export const GENERIC_ERROR_CODES = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
} as const;

export type ApiErrorSpec = keyof typeof GENERIC_ERROR_CODES | Readonly<Record<number, readonly string[]>>;

const API_ERRORS = 'contexor:api-errors';

/**
 * Documents the error statuses a route answers and the contract codes each may carry, with the
 * error body's schema: `@ApiErrors(404, { 409: ['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION'] })`.
 * A bare status stands for its generic code (404 NOT_FOUND). Codes add up across decorators
 * (RequireRole's 403 and a route's own 403 both appear). The ones every route of a kind answers
 * (401, 400 VALIDATION_FAILED, 503 …) are added by setUpSwagger: list only what the route adds.
 */
export function ApiErrors(...specs: ApiErrorSpec[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder: object = descriptor ? (descriptor.value as object) : target;
    const known = { ...((Reflect.getMetadata(API_ERRORS, holder) as Record<number, string[]> | undefined) ?? {}) };
    for (const spec of specs) {
      const entries: [number, readonly string[]][] =
        typeof spec === 'number'
          ? [[spec, [GENERIC_ERROR_CODES[spec]]]]
          : Object.entries(spec).map(([status, codes]) => [Number(status), codes]);
      for (const [status, codes] of entries) known[status] = [...new Set([...(known[status] ?? []), ...codes])];
    }
    Reflect.defineMetadata(API_ERRORS, known, holder);
    // Each application writes the union so far; the description is left empty (Swagger joins the
    // descriptions of one status) and written once the document is whole (describeErrors).
    for (const [status, codes] of Object.entries(known)) {
      const options: ApiResponseOptions = { status: Number(status), description: '', schema: errorSchema(codes) };
      if (descriptor) ApiResponse(options)(target, key!, descriptor);
      else ApiResponse(options)(target as () => unknown);
    }
  };
}

/** The error body with `code` narrowed to the ones this response may carry. */
export function errorSchema(codes: readonly string[]): SchemaObject {
  return {
    allOf: [
      { $ref: getSchemaPath(ErrorResponseDto) },
      { type: 'object', properties: { code: { type: 'string', enum: [...codes].sort() } } },
    ],
  };
}

/** The codes an error response documented by errorSchema may carry, or undefined for any other response. */
export function errorCodesOf(schema: unknown): string[] | undefined {
  const allOf = (schema as { allOf?: [{ $ref?: string }, { properties?: { code?: { enum?: string[] } } }] })?.allOf;
  if (allOf?.[0]?.$ref !== getSchemaPath(ErrorResponseDto)) return undefined;
  return allOf[1]?.properties?.code?.enum;
}
