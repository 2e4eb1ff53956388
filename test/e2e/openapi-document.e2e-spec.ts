import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bootTestApp, type TestApp } from '../support/test-app';

/**
 * The dashboard's client is generated from web/openapi.json and CI lints that file (npm run
 * lint:openapi), so it must be what the API serves. Here the app runs from the TypeScript sources
 * (SWC, with test/support/openapi-metadata.ts standing in for the Swagger CLI plugin); the
 * dashboard's Playwright suite checks the built API (`nest build`, with the plugin) the same way.
 */
describe('The OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is the committed web/openapi.json', async () => {
    const served = (await request(t.server).get('/docs-json')).body as unknown;
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'web', 'openapi.json'), 'utf8')) as unknown;
    // If this fails: `npm run openapi:metadata` after changing a DTO, then regenerate web/openapi.json and
    // web/src/api against the built API (`npm run api:generate` in web/) and commit them.
    expect(served).toEqual(committed);
  });

  it('documents an error response for every operation, with the contract error body', async () => {
    const document = (await request(t.server).get('/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(document.components.schemas['ErrorResponseDto']?.required).toEqual([
      'statusCode',
      'code',
      'message',
      'details',
      'requestId',
    ]);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ operation: `${method} ${path}`, security: Array.isArray(operation.security) }).toEqual({
          operation: `${method} ${path}`,
          security: true,
        });
        if (path.startsWith('/api/v1/'))
          expect({
            operation: `${method} ${path}`,
            has4xx: Object.keys(operation.responses).some((s) => s.startsWith('4')),
          }).toEqual({
            operation: `${method} ${path}`,
            has4xx: true,
          });
      }
    }
  });
});
