import request from 'supertest';
import { ContentRepository } from '../../src/content/application/ports/content.repository';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { recordAppQueries } from '../support/query-recorder';

interface Version {
  number: number;
  source: string;
  body: string;
  model: string | null;
  usage: unknown;
  createdBy: string;
  createdAt: string;
  restoredFrom: number | null;
  approvedVersion: number | null;
  bodySha256: string | null;
}

const T0 = Date.parse('2026-11-24T10:00:00.000Z');
/** The body of version `number`: Persian, quotes, backslashes, tabs, line breaks, an emoji, U+2028, markup. */
const bodyOf = (number: number) =>
  `نسخهٔ ${number}: «متن» "نقل‌قول" \\ \t تب\nخط دوم 🙂 \u2028 </script> ${'ـ'.repeat(number % 17)}`.repeat(
    1 + (number % 5),
  );

const text = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
};

/** The path and query of a `Link: <…>; rel="next"` header, or undefined without one. */
function nextOf(response: request.Response): string | undefined {
  const link = response.headers.link as string | undefined;
  if (link === undefined) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match) throw new Error(`not a next link: ${link}`);
  return match[1];
}

describe('Versions of a content: pages and the streamed export (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.editor, team.workspaceId, 'تاریخچه')).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const versionsPath = (id: string) => `${API}/contents/${id}/versions`;
  const get = (path: string) => http().get(path).set(bearer(team.viewer));

  /** A DRAFT with `count` manual versions by the team's editor, written in one go; version n is bodyOf(n) at T0 + n s. */
  async function contentWith(count: number): Promise<ContentBody> {
    const content = await createContent(t, team.editor, projectId, { title: `${count} نسخه` });
    await t.app.get(ContentRepository, { strict: false }).update(team.org.id, content.id, (stored) => {
      for (let number = 1; number <= count; number++)
        stored.editManually({ body: bodyOf(number) }, team.editor.user.id, new Date(T0 + number * 1000));
    });
    return content;
  }

  const expectedVersion = (number: number): Version => ({
    number,
    source: 'manual',
    body: bodyOf(number),
    model: null,
    usage: null,
    createdBy: team.editor.user.id,
    createdAt: new Date(T0 + number * 1000).toISOString(),
    restoredFrom: null,
    approvedVersion: null,
    bodySha256: null,
  });
  const expectedVersions = (numbers: number[]) => numbers.map(expectedVersion);
  const numbersFrom = (from: number, to: number) =>
    Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));

  describe('GET /contents/:id/versions', () => {
    let many: ContentBody;

    beforeAll(async () => {
      many = await contentWith(120);
    });

    it('answers the first 50 versions oldest first as a plain array, with X-Total-Count and a Link to the next page', async () => {
      const response = await get(versionsPath(many.id));

      expect(response.status).toBe(200);
      expect(response.body).toEqual(expectedVersions(numbersFrom(1, 50)));
      expect(response.headers['x-total-count']).toBe('120');
      expect(response.headers.link).toBe(`<${versionsPath(many.id)}?limit=50&after=50>; rel="next"`);
    });

    it('walks the whole list by following Link: every version once, in order, and no Link on the last page', async () => {
      const seen: Version[] = [];
      let next: string | undefined = `${versionsPath(many.id)}?limit=7`;
      let pages = 0;
      while (next !== undefined) {
        const response = await get(next);
        expect(response.status).toBe(200);
        expect(response.headers['x-total-count']).toBe('120');
        expect((response.body as Version[]).length).toBeLessThanOrEqual(7);
        seen.push(...(response.body as Version[]));
        next = nextOf(response);
        pages += 1;
      }

      expect(pages).toBe(Math.ceil(120 / 7));
      expect(seen).toEqual(expectedVersions(numbersFrom(1, 120)));
    });

    it('walks newest first with order=desc, the Link continuing before the last number', async () => {
      const first = await get(`${versionsPath(many.id)}?order=desc&limit=40`);
      expect(first.body).toEqual(expectedVersions(numbersFrom(120, 81)));
      expect(first.headers.link).toBe(`<${versionsPath(many.id)}?order=desc&limit=40&before=81>; rel="next"`);

      const seen: Version[] = [...(first.body as Version[])];
      for (let next = nextOf(first); next !== undefined;) {
        const response = await get(next);
        seen.push(...(response.body as Version[]));
        next = nextOf(response);
      }
      expect(seen.map((version) => version.number)).toEqual(numbersFrom(120, 1));
    });

    it('keeps the other bound and the order in the Link, and accepts Persian and Arabic-Indic digits', async () => {
      const window = await get(`${versionsPath(many.id)}?after=10&before=20&limit=4`);
      expect(window.body).toEqual(expectedVersions([11, 12, 13, 14]));
      expect(window.headers.link).toBe(`<${versionsPath(many.id)}?limit=4&after=14&before=20>; rel="next"`);

      const persian = await get(
        `${versionsPath(many.id)}?limit=${encodeURIComponent('۵')}&after=${encodeURIComponent('١٠')}`,
      );
      expect(persian.status).toBe(200);
      expect(persian.body).toEqual(expectedVersions(numbersFrom(11, 15)));
    });

    it('answers a page past either end as an empty array without a Link', async () => {
      for (const query of ['after=120', 'after=2147483647', 'order=desc&before=1']) {
        const response = await get(`${versionsPath(many.id)}?${query}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual([]);
        expect(response.headers['x-total-count']).toBe('120');
        expect(response.headers.link).toBeUndefined();
      }
    });

    it('answers a content with few versions exactly as before: all of them, oldest first, and no Link', async () => {
      const few = await contentWith(3);
      const response = await get(versionsPath(few.id));

      expect(response.status).toBe(200);
      expect(response.body).toEqual(expectedVersions([1, 2, 3]));
      expect(response.headers['x-total-count']).toBe('3');
      expect(response.headers.link).toBeUndefined();
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=', 'limit'],
      ['after=-1', 'after'],
      ['after=99999999999', 'after'],
      ['after=1e20', 'after'],
      ['after=2147483648', 'after'],
      ['after=1&after=2', 'after'],
      ['before=0', 'before'],
      ['before=۰', 'before'],
      ['order=newest', 'order'],
      ['page=2', 'page'],
    ])('refuses %s with 400 VALIDATION_FAILED naming %s', async (query, field) => {
      const response = await get(`${versionsPath(many.id)}?${query}`);

      expectError(response, 400, 'VALIDATION_FAILED');
      expect(
        (response.body as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field),
      ).toEqual([field]);
    });

    it('documents the parameters and the headers in the OpenAPI document', async () => {
      const docs = (await http().get('/docs-json')).body as {
        paths: Record<
          string,
          { get: { parameters: { name: string; in: string }[]; responses: Record<string, { headers?: object }> } }
        >;
      };
      const operation = docs.paths['/api/v1/contents/{id}/versions']!.get;

      expect(
        operation.parameters
          .filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['after', 'before', 'limit', 'order']);
      expect(Object.keys(operation.responses['200']?.headers ?? {}).sort()).toEqual(['Link', 'X-Total-Count']);
    });
  });

  describe('GET /contents/:id/export of a content with 300 versions', () => {
    let content: ContentBody;

    beforeAll(async () => {
      content = await contentWith(300);
    });

    it('streams the JSON file, byte for byte the file it always was, reading the versions in bounded batches', async () => {
      // The file is the content as GET shows it, without the style hints (advice about the text, not part of it), with every version.
      const { style: _style, ...current } = (await get(`${API}/contents/${content.id}`)).body as ContentBody & {
        style?: unknown;
      };
      const expected = { ...current, versions: expectedVersions(numbersFrom(1, 300)) };
      const recorder = recordAppQueries();
      let response: request.Response;
      try {
        response = await get(`${API}/contents/${content.id}/export?format=json`).buffer(true).parse(text);
      } finally {
        recorder.stop();
      }

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="content-/);
      expect(JSON.parse(response.body as string)).toEqual(expected);
      expect(response.body).toBe(JSON.stringify(expected, null, 2));
      // Written as it is read: no length known up front.
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      const reads = recorder.queries.filter(
        (query) => /\bFROM\s+"content_versions"/i.test(query.text) && query.values.includes(content.id),
      );
      expect(reads.length).toBeGreaterThanOrEqual(3);
      for (const read of reads) expect(Number(/\bLIMIT (\d+)/.exec(read.text)?.[1])).toBeLessThanOrEqual(100);
    });

    it('writes the Markdown file as before, front matter and the current body, without reading a version', async () => {
      const recorder = recordAppQueries();
      let response: request.Response;
      try {
        response = await get(`${API}/contents/${content.id}/export`).buffer(true).parse(text);
      } finally {
        recorder.stop();
      }

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body as string)));
      expect(response.body as string).toMatch(/^---\ntitle: "300 نسخه"\nstatus: DRAFT\n/);
      expect(response.body as string).toContain('\nversion: 300\n');
      expect((response.body as string).endsWith(`---\n\n${bodyOf(300)}\n`)).toBe(true);
      expect(recorder.queries.filter((query) => /\bFROM\s+"content_versions"/i.test(query.text))).toEqual([]);
    });
  });
});
