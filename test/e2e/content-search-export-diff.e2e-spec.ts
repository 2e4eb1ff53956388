import request from 'supertest';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';

interface Page {
  items: ContentBody[];
  total: number;
  page: number;
  limit: number;
}

const binary = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
};

describe('Contents: search and filters, export, and version diff (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let other: ContentTeam;
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootSmsTestApp();
    [team, other] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
    projectId = (await createProject(t, team.editor, team.workspaceId, 'کمپین پاییز')).id;
    const seed: [string, Record<string, unknown>, 'editor' | 'admin'][] = [
      ['phone', { title: 'معرفی گوشی‌های جدید', prompt: 'درباره باتری قوی بنویس' }, 'editor'],
      ['laptop', { title: 'Laptop launch post', prompt: 'Write about the keyboard' }, 'admin'],
      ['sale', { title: 'حراج ۱۴۰۳', prompt: 'تخفیف ویژه پاییز' }, 'editor'],
    ];
    for (const [key, body, as] of seed) ids[key] = (await createContent(t, team[as], projectId, body)).id;
    await generate(
      t,
      team.org.id,
      ids.phone!,
      team.editor.user.id,
      'گوشی‌های آوا با باتری دوروزه عرضه شد.\nقیمت: ۱۲٬۰۰۰٬۰۰۰ تومان',
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const list = async (query: string, as = team.viewer) => {
    const response = await http().get(`${API}/projects/${projectId}/contents?${query}`).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as Page;
  };
  const keys = (page: Page) => page.items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id));
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  describe('GET /projects/:projectId/contents', () => {
    it('finds Persian however it was typed: Arabic ي/ك, no zero-width non-joiner, Arabic-Indic digits, word prefixes', async () => {
      expect(keys(await list(q('گوشی‌های')))).toEqual(['phone']);
      expect(keys(await list(q('گوشیهای')))).toEqual(['phone']);
      expect(keys(await list(q('معرفي')))).toEqual(['phone']);
      expect(keys(await list(q('دوروز')))).toEqual(['phone']);
      expect(keys(await list(q('١٤٠٣')))).toEqual(['sale']);
      expect(keys(await list(q('1403')))).toEqual(['sale']);
      expect(keys(await list(q('LAUNCH keyb')))).toEqual(['laptop']);
      expect((await list(q('باتری keyboard'))).total).toBe(0);
    });

    it('filters by one or several statuses, by author and by dates (Persian digits accepted), newest first', async () => {
      expect(keys(await list('status=REVIEW'))).toEqual(['phone']);
      expect(keys(await list('status=DRAFT,REVIEW'))).toEqual(['sale', 'laptop', 'phone']);
      expect(keys(await list('status=DRAFT&status=REVIEW'))).toEqual(['sale', 'laptop', 'phone']);
      expect(keys(await list(`createdBy=${team.admin.user.id}`))).toEqual(['laptop']);
      const today = new Date().toISOString().slice(0, 10);
      const persianToday = today.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
      expect((await list(`from=${encodeURIComponent(persianToday)}&to=${today}`)).total).toBe(3);
      expect((await list('to=2000-01-01')).total).toBe(0);
    });

    it('paginates in a stable order', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => list(`limit=1&page=${page}`)));
      expect(pages.map((page) => page.total)).toEqual([3, 3, 3]);
      expect(pages.flatMap((page) => keys(page))).toEqual(keys(await list('')));
    });

    it('refuses bad filters with 400 VALIDATION_FAILED naming the field', async () => {
      for (const query of [
        'status=DONE',
        'status=DRAFT,NOPE',
        'createdBy=me',
        'from=yesterday',
        'from=2026-11-02&to=2026-11-01',
        'limit=1000',
        `q=${'x'.repeat(201)}`,
      ]) {
        const response = await http().get(`${API}/projects/${projectId}/contents?${query}`).set(bearer(team.viewer));
        expectError(response, 400, 'VALIDATION_FAILED');
      }
    });

    it('never fails on search syntax: operators are plain text', async () => {
      expect((await list(q("' & | ! :* ( ) <-> \\"))).total).toBe(3);
    });
  });

  describe('GET /contents/:id/diff', () => {
    let contentId: string;

    beforeAll(async () => {
      contentId = (await createContent(t, team.editor, projectId, { title: 'نسخه‌ها' })).id;
      await generate(
        t,
        team.org.id,
        contentId,
        team.editor.user.id,
        'گوشی‌های جدید با باتری دوروزه عرضه شد.\nخط بدون تغییر',
      );
      const edited = await http()
        .patch(`${API}/contents/${contentId}`)
        .set(bearer(team.editor))
        .send({ body: 'گوشی‌های تازه با باتری سه‌روزه عرضه می‌شود.\nخط بدون تغییر\nخط تازه' });
      expect(edited.status).toBe(200);
    });

    it('answers for two versions at the body limit with every line changed (bounded work, a coarser diff)', async () => {
      const lines = (tag: string) =>
        Array.from({ length: 16_000 }, (_, i) => `${tag}${String((i * 7919) % 100_000).padStart(5, '0')}`)
          .join('\n')
          .slice(0, 199_000);
      const big = (await createContent(t, team.editor, projectId, { title: 'بزرگ' })).id;
      await generate(t, team.org.id, big, team.editor.user.id, lines('الف'));
      const edited = await http()
        .patch(`${API}/contents/${big}`)
        .set(bearer(team.editor))
        .send({ body: lines('ب') });
      expect(edited.status).toBe(200);

      const response = await http().get(`${API}/contents/${big}/diff?from=1&to=2`).set(bearer(team.viewer));

      expect(response.status).toBe(200);
      const { stats } = response.body as { stats: Record<string, number> };
      expect(stats.unchanged).toBe(0);
      expect(stats.changed + stats.removed).toBe(lines('الف').split('\n').length);
      expect(stats.changed + stats.added).toBe(lines('ب').split('\n').length);
    });

    it('compares two versions by line and, in changed lines, by whole Persian words', async () => {
      const response = await http().get(`${API}/contents/${contentId}/diff?from=1&to=2`).set(bearer(team.viewer));

      expect(response.status).toBe(200);
      expect(response.body.from).toMatchObject({ number: 1, source: 'ai' });
      expect(response.body.to).toMatchObject({ number: 2, source: 'manual' });
      expect(response.body.stats).toEqual({ unchanged: 1, changed: 1, added: 1, removed: 0 });
      const [changed, unchanged, added] = response.body.lines;
      expect(changed).toMatchObject({ type: 'changed', fromLine: 1, toLine: 1 });
      const segments = changed.segments as { type: string; text: string }[];
      expect(segments.filter((segment) => segment.type === 'removed').map((segment) => segment.text)).toEqual([
        'جدید',
        'دوروزه',
        'شد',
      ]);
      expect(segments.filter((segment) => segment.type === 'added').map((segment) => segment.text)).toEqual([
        'تازه',
        'سه‌روزه',
        'می‌شود',
      ]);
      expect(unchanged).toEqual({ type: 'unchanged', fromLine: 2, toLine: 2, text: 'خط بدون تغییر' });
      expect(added).toEqual({ type: 'added', toLine: 3, text: 'خط تازه' });
    });

    it('accepts Persian digits and compares a version with itself as all unchanged', async () => {
      const response = await http()
        .get(`${API}/contents/${contentId}/diff?from=${encodeURIComponent('۲')}&to=2`)
        .set(bearer(team.viewer));

      expect(response.status).toBe(200);
      expect(response.body.stats).toEqual({ unchanged: 3, changed: 0, added: 0, removed: 0 });
    });

    it('answers 400 for missing or bad numbers, 404 for an unknown version or another tenant', async () => {
      expectError(
        await http().get(`${API}/contents/${contentId}/diff?from=1`).set(bearer(team.viewer)),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await http().get(`${API}/contents/${contentId}/diff?from=0&to=1`).set(bearer(team.viewer)),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await http().get(`${API}/contents/${contentId}/diff?from=a&to=1`).set(bearer(team.viewer)),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await http().get(`${API}/contents/${contentId}/diff?from=1&to=9`).set(bearer(team.viewer)),
        404,
        'NOT_FOUND',
      );
      expectError(
        await http().get(`${API}/contents/${contentId}/diff?from=1&to=2`).set(bearer(other.admin)),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('export', () => {
    it('downloads a content as Markdown with front matter and an attachment named after its title', async () => {
      await http()
        .post(`${API}/contents/${ids.phone}/approve`)
        .set(bearer(team.admin))
        .send({ version: 1, comment: 'عالی: منتشر شود' })
        .expect(200);

      const response = await http()
        .get(`${API}/contents/${ids.phone}/export?format=markdown`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="content-${ids.phone!.slice(0, 8)}.md"; filename*=UTF-8''${encodeURIComponent('معرفی گوشی‌های جدید.md')}`,
      );
      const markdown = response.body as string;
      expect(markdown).toMatch(
        /^---\ntitle: "معرفی گوشی‌های جدید"\nstatus: APPROVED\nmodel: "gpt-4.1-mini"\nversion: 2\n/,
      );
      expect(markdown).toContain(`approval:\n  approvedBy: "${team.admin.user.id}"\n`);
      expect(markdown).toContain('  comment: "عالی: منتشر شود"\n');
      expect(markdown.endsWith('---\n\nگوشی‌های آوا با باتری دوروزه عرضه شد.\nقیمت: ۱۲٬۰۰۰٬۰۰۰ تومان\n')).toBe(true);
    });

    it('downloads a content as JSON with all its versions; markdown is the default', async () => {
      const json = await http().get(`${API}/contents/${ids.phone}/export?format=json`).set(bearer(team.viewer));
      expect(json.status).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.body).toMatchObject({
        id: ids.phone,
        status: 'APPROVED',
        versions: [
          { number: 1, source: 'ai' },
          { number: 2, source: 'approval' },
        ],
      });

      const byDefault = await http()
        .get(`${API}/contents/${ids.sale}/export`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);
      expect(byDefault.headers['content-type']).toBe('text/markdown; charset=utf-8');
    });

    it('downloads a whole project as a JSON array of contents with their versions', async () => {
      const response = await http()
        .get(`${API}/projects/${projectId}/export`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="project-/);
      const contents = JSON.parse(response.body as string) as (ContentBody & { versions: unknown[] })[];
      expect(contents.length).toBeGreaterThanOrEqual(4);
      expect(contents.find((content) => content.id === ids.phone)?.versions).toHaveLength(2);
      expect(contents.map((content) => content.projectId)).toEqual(contents.map(() => projectId));
    });

    it('exports an empty project as []', async () => {
      const empty = await createProject(t, team.editor, team.workspaceId);
      const response = await http()
        .get(`${API}/projects/${empty.id}/export`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);
      expect(JSON.parse(response.body as string)).toEqual([]);
    });

    it('answers 400 for an unknown format and 404 for another tenant', async () => {
      expectError(
        await http().get(`${API}/contents/${ids.phone}/export?format=pdf`).set(bearer(team.viewer)),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await http().get(`${API}/contents/${ids.phone}/export`).set(bearer(other.viewer)), 404, 'NOT_FOUND');
      expectError(await http().get(`${API}/projects/${projectId}/export`).set(bearer(other.viewer)), 404, 'NOT_FOUND');
    });
  });
});
