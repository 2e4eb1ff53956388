import { DECORATORS, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrors, errorCodesOf } from './api-errors.decorator';
import { describeErrors } from './swagger';

const ok = { 200: { description: '' } };

function document(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: {} };
}

describe('ApiErrors', () => {
  it('adds up the codes of every decorator for one status, under the error body schema', () => {
    class Controller {
      @ApiErrors(403, { 409: ['CONTENT_BUSY'] })
      @ApiErrors({ 403: ['STEP_UP_REQUIRED'], 409: ['CONTENT_INVALID_TRANSITION'] })
      approve(): void {}
    }
    const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, Controller.prototype.approve) as Record<
      string,
      { schema: unknown; description: string }
    >;

    expect(errorCodesOf(responses['403']?.schema)).toEqual(['FORBIDDEN', 'STEP_UP_REQUIRED']);
    expect(errorCodesOf(responses['409']?.schema)).toEqual(['CONTENT_BUSY', 'CONTENT_INVALID_TRANSITION']);
    // Written once the document is whole: Swagger would join the descriptions of each decorator.
    expect(responses['409']?.description).toBe('');
  });
});

describe('describeErrors', () => {
  it('marks a route without a bearer requirement public and gives a signed-in one 401', () => {
    const doc = describeErrors(
      document({
        '/api/v1/auth/logout': { post: { responses: { ...ok } } },
        '/api/v1/me': { get: { security: [{ bearer: [] }], responses: { ...ok } } },
      }),
      '/api/v1/',
    );

    expect(doc.paths['/api/v1/auth/logout']!.post!.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/logout']!.post!.responses['401']).toBeUndefined();
    expect(doc.paths['/api/v1/me']!.get!.responses['401']).toEqual({ $ref: '#/components/responses/UNAUTHENTICATED' });
    expect(doc.components!.responses!['UNAUTHENTICATED']).toMatchObject({ description: 'UNAUTHENTICATED' });
  });

  it('adds the input errors to a route with a body or a query, beside its own codes', () => {
    class Controller {
      @ApiErrors({ 400: ['TEMPLATE_VARIABLE_MISSING'] })
      create(): void {}
    }
    const own = Reflect.getMetadata(DECORATORS.API_RESPONSE, Controller.prototype.create) as Record<
      string,
      { schema: object }
    >;
    // As Swagger writes it into the document.
    const written = { description: '', content: { 'application/json': { schema: own['400']!.schema } } };
    const doc = describeErrors(
      document({
        '/api/v1/contents': {
          post: { requestBody: { content: {} }, responses: { ...ok, 400: written } },
          get: { parameters: [{ name: 'q', in: 'query' }], responses: { ...ok } },
        },
      }),
      '/api/v1/',
    );
    const post = doc.paths['/api/v1/contents']!.post!.responses;
    const get = doc.paths['/api/v1/contents']!.get!.responses;

    expect(post['400']).toMatchObject({
      description: 'One of MALFORMED_JSON, TEMPLATE_VARIABLE_MISSING, VALIDATION_FAILED',
    });
    expect(
      errorCodesOf(
        (post['400'] as unknown as { content: { 'application/json': { schema: unknown } } }).content['application/json']
          .schema,
      ),
    ).toEqual(['MALFORMED_JSON', 'TEMPLATE_VARIABLE_MISSING', 'VALIDATION_FAILED']);
    expect(Object.keys(post)).toEqual(['200', '400', '413', '415', '503']);
    expect(get['400']).toEqual({ $ref: '#/components/responses/VALIDATION_FAILED' });
  });

  it('gives 503 only under the API prefix and leaves a response written otherwise alone', () => {
    const notReady = { description: 'NOT_READY', content: { 'application/json': { schema: { type: 'object' } } } };
    const doc = describeErrors(
      document({
        '/health/ready': { get: { responses: { ...ok, 503: notReady } } },
        '/health/live': { get: { responses: { ...ok } } },
      }),
      '/api/v1/',
    );

    expect(doc.paths['/health/ready']!.get!.responses['503']).toBe(notReady);
    expect(Object.keys(doc.paths['/health/live']!.get!.responses)).toEqual(['200']);
  });
});
