import request from 'supertest';
import { bearer, bootSmsTestApp, randomClientIp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  createPrompt,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';

interface Operation {
  method: string;
  path: string;
  body?: string;
  query: string[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
        parameters?: { in: string; name: string }[];
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, Property>; required?: string[] }> };
}

interface Property {
  type?: string;
  example?: unknown;
  enum?: unknown[];
  format?: string;
  items?: Property;
}

/** A value the property's own schema accepts, so that a hostile value in another field is what is judged. */
function validValueOf(property: Property): unknown {
  if (property.example !== undefined) return property.example;
  if (property.enum?.length) return property.enum[0];
  if (property.format === 'uuid') return undefined;
  switch (property.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return property.items ? [validValueOf(property.items)] : [];
    case 'object':
      return {};
    default:
      return 'متن معتبر';
  }
}

/** As a hostile client writes it in a URL: a lone surrogate as the bytes UTF-8 would give it, which no decoder accepts. */
const encodeHostile = (value: string) =>
  value
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

let deep: unknown = 'x';
for (let i = 0; i < 64; i++) deep = { d: deep };

/** What a hostile client sends in place of a value: control characters, broken Unicode, tricks of direction, sizes, shapes. */
const HOSTILE_VALUES: [string, unknown][] = [
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', '\udc00'],
  ['bidi overrides', '\u202eعنوان\u202d \u2066x\u2069'],
  ['100 000 characters', 'ب'.repeat(100_000)],
  ['a number', 12345],
  ['a boolean', true],
  ['an array', ['a', 'b']],
  ['an object', { a: 1 }],
  ['null', null],
  ['deep JSON', deep],
];

/**
 * Every request DTO of the OpenAPI document, every field, every hostile value: the answer is a
 * client error or a success, never a server error. Also whole bodies too large or too deep,
 * hostile query values and hostile path parameters. Signed in as the organization's ADMIN, with
 * real ids in the path, so that validation (not the access guard) decides.
 */
describe('hostile strings through every DTO (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let operations: Operation[];
  let schemas: OpenApi['components']['schemas'];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    const project = await createProject(t, team.admin, team.workspaceId);
    const prompt = await createPrompt(t, team.admin, team.workspaceId);
    const content = await createContent(t, team.admin, project.id);
    Object.assign(ids, {
      orgId: team.org.id,
      workspaceId: team.workspaceId,
      projectId: project.id,
      promptId: prompt.id,
      id: content.id,
      userId: team.viewer.user.id,
      number: '1',
    });
    const document = (await request(t.server).get('/docs-json')).body as OpenApi;
    schemas = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method,
        path,
        body: op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop(),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  // The event stream stays open; the health routes take no input.
  const tested = () => operations.filter((op) => !op.path.endsWith('/events') && !op.path.startsWith('/health'));
  const pathOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
  const send = (method: string, url: string) =>
    request(t.server)[method as 'post'](url).set(bearer(team.admin)).set('X-Forwarded-For', randomClientIp());

  it('answers every field of every body with 4xx or 2xx, never 5xx', async () => {
    const failures: string[] = [];
    // Bodies valid but for the one hostile field reach the use cases and the database: count them.
    let accepted = 0;
    for (const op of tested().filter((o) => o.body && !o.path.includes('/members/') && o.method !== 'delete')) {
      const properties = schemas[op.body as string]?.properties ?? {};
      const valid = Object.fromEntries(
        Object.entries(properties)
          .map(([name, property]) => [name, validValueOf(property)] as const)
          .filter(([, value]) => value !== undefined),
      );
      for (const field of Object.keys(properties)) {
        for (const [what, value] of HOSTILE_VALUES) {
          const response = await send(op.method, pathOf(op.path)).send({ ...valid, [field]: value });
          if (response.status < 300) accepted += 1;
          if (response.status >= 500)
            failures.push(`${op.method.toUpperCase()} ${op.path} ${field}=${what}: ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(20);
  });

  it('answers bodies too large, too deep, or not an object with 4xx', async () => {
    const failures: string[] = [];
    for (const op of tested().filter((o) => o.body && o.method !== 'delete')) {
      for (const [what, body] of [
        ['1 MB string', { x: 'a'.repeat(1_100_000) }],
        ['deep JSON', deep],
        ['an array', [1, 2]],
        ['a string', '"text"'],
      ] as [string, unknown][]) {
        const response = await send(op.method, pathOf(op.path))
          .set('content-type', 'application/json')
          .send(body as object);
        if (response.status >= 500 || response.status < 400)
          failures.push(`${op.method.toUpperCase()} ${op.path} ${what}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every query parameter and every path parameter with hostile values with 4xx or 2xx, never 5xx', async () => {
    const failures: string[] = [];
    const strings = HOSTILE_VALUES.filter(([, value]) => typeof value === 'string') as [string, string][];
    for (const op of tested()) {
      for (const name of op.query) {
        for (const [what, value] of [...strings, ['99999999999999999999', '99999999999999999999'], ['-1', '-1']]) {
          const response = await send(op.method, pathOf(op.path)).query({ [name]: value.slice(0, 2000) });
          if (response.status >= 500)
            failures.push(`${op.method.toUpperCase()} ${op.path}?${name}=${what}: ${response.status}`);
        }
      }
      for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string)) {
        for (const [what, value] of [
          ...strings.filter(([w]) => w !== '100 000 characters'),
          ['not a uuid', 'abc'],
          ['dots', '..'],
        ]) {
          const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
            param === name ? encodeHostile(value) : (ids[param] ?? param),
          );
          const response = await send(op.method, path);
          if (response.status >= 500)
            failures.push(`${op.method.toUpperCase()} ${op.path} {${name}}=${what}: ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
