import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type ResponseObject } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { errorCodesOf, errorSchema, GENERIC_ERROR_CODES } from './api-errors.decorator';
import { ErrorResponseDto } from './error-response.dto';

export function setUpSwagger(app: INestApplication, apiPrefix: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Contexor API')
      .setDescription(
        'Write text with OpenAI models and keep control of it: who may write, who approves, what it costs. ' +
          'Every error has the body `{statusCode, code, message, details, requestId}`; every response carries `X-Request-Id`.',
      )
      .setVersion('1')
      .addServer('/', 'This server (paths carry /api/v1)')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  SwaggerModule.setup('docs', app, describeErrors(document, `/${apiPrefix}/`), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Contexor API',
  });
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Completes every operation's errors with the ones all routes of its kind answer, so controllers
 * list only their own (@ApiErrors): a route without a bearer requirement is public (`security: []`),
 * one with it answers 401 UNAUTHENTICATED; input (a body or query) can fail with 400
 * VALIDATION_FAILED, a JSON body also with 400 MALFORMED_JSON, 413 and 415; anything under the API
 * prefix may meet a database or Redis that does not answer in time (503 SERVICE_UNAVAILABLE).
 * An error response that carries only its status's generic code refers to a shared one
 * (`#/components/responses/NOT_FOUND`); the others name their codes.
 */
export function describeErrors(document: OpenAPIObject, apiPrefix: string): OpenAPIObject {
  const shared: Record<string, ResponseObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.security ??= [];
      const errors = new Map<number, Set<string>>();
      for (const [status, response] of Object.entries(operation.responses)) {
        // Under every type the route produces (an event stream's too): errors are JSON whatever the route sends.
        const codes = Object.values((response && 'content' in response && response.content) || {})
          .map((media) => errorCodesOf(media.schema))
          .find((found) => found !== undefined);
        if (codes) errors.set(Number(status), new Set(codes));
      }
      const add = (status: keyof typeof GENERIC_ERROR_CODES, code: string = GENERIC_ERROR_CODES[status]) => {
        // A response written otherwise (health's NOT_READY) is the route's own: leave it.
        if (operation.responses[status] && !errors.has(status)) return;
        errors.set(status, new Set([...(errors.get(status) ?? []), code]));
      };
      if (operation.security.length > 0) add(401);
      if (operation.requestBody || operation.parameters?.some((p) => 'in' in p && p.in === 'query')) add(400);
      if (operation.requestBody) {
        add(400, 'MALFORMED_JSON');
        add(413);
        add(415);
      }
      if (path.startsWith(apiPrefix)) add(503);
      for (const [status, set] of errors) {
        const codes = [...set].sort();
        const generic = GENERIC_ERROR_CODES[status as keyof typeof GENERIC_ERROR_CODES];
        if (codes.length === 1 && codes[0] === generic) {
          shared[generic] ??= errorResponse(codes);
          operation.responses[status] = { $ref: `#/components/responses/${generic}` };
        } else {
          operation.responses[status] = errorResponse(codes);
        }
      }
    }
  }
  document.components = { ...document.components, responses: { ...document.components?.responses, ...shared } };
  return document;
}

function errorResponse(codes: string[]): ResponseObject {
  return {
    description: codes.length === 1 ? codes[0]! : `One of ${codes.join(', ')}`,
    content: { 'application/json': { schema: errorSchema(codes) } },
  };
}
