import request from 'supertest';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';

interface StyleIssue {
  rule: string;
  start: number;
  end: number;
  suggestion: string;
}
type ContentWithStyle = ContentBody & { style: { issues: StyleIssue[] }; currentVersion: number };

const ZWNJ = '\u200c';

/** Written by the rules: nouns that begin with می, words that end in ها and تر, Persian numbers and punctuation. */
const CLEAN_PERSIAN =
  'شرکت ما در سال ۱۴۰۲ بیش از ۲٬۵۰۰ مشتری تازه پیدا کرد. دفتر مرکزی در میدان ونک است و میز هر کارمند کنار ' +
  'پنجره‌ای رو به باغ میوه قرار دارد. مدیران می‌گویند که تنها راه رشد، شنیدن صدای مشتری‌هاست؛ به همین دلیل ' +
  'گزارش‌ها هر هفته بررسی می‌شوند و بهترین پیشنهادها در انتهای ماه اجرا می‌شود. آیا محصول جدید از نسخهٔ قبلی ' +
  'بزرگ‌تر و سریع‌تر است؟ دختر مدیرعامل که مدتی در بستر بیماری بود، حالا حالش بهتر است.';

const CLEAN_ENGLISH =
  'Our team shipped 1,250 releases last year; most were small. Why does that matter?  Because each one is ' +
  'reviewed, e.g. by two editors. See https://example.com/docs?page=2 for the details.';

describe('Style checks: POST /style/check, the glossary and `style` on contents (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let other: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    other = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const check = (text: string, as = team.viewer, organizationId?: string) =>
    http().post(`${API}/style/check`).set(bearer(as)).send({ text, organizationId });
  const covered = (text: string, issues: StyleIssue[]) =>
    issues.map((issue) => [issue.rule, text.slice(issue.start, issue.end), issue.suggestion]);
  const putGlossary = (entries: unknown, as = team.admin, orgId = team.org.id) =>
    http()
      .put(`${API}/organizations/${orgId}/glossary`)
      .set(bearer(as))
      .send(entries as object);
  const contentOf = async (id: string) =>
    (await http().get(`${API}/contents/${id}`).set(bearer(team.viewer))).body as ContentWithStyle;

  describe('POST /style/check', () => {
    it('finds each Persian rule at its UTF-16 offsets, with its suggestion', async () => {
      const text =
        'این کار انجام می شود و او میخواهد کتاب ها و خانههای بزرگ تر را ببیند; آیا علي آمد? ' +
        'کد ۱۲3۴ است  و کتابها مهمترین هستند.';

      const response = await check(text);

      expect(response.status).toBe(200);
      const issues = response.body.issues as StyleIssue[];
      expect(covered(text, issues)).toEqual([
        ['zwnj-mi', 'می شود', `می${ZWNJ}شود`],
        ['zwnj-mi', 'میخواهد', `می${ZWNJ}خواهد`],
        ['zwnj-ha', 'کتاب ها', `کتاب${ZWNJ}ها`],
        ['zwnj-ha', 'خانههای', `خانه${ZWNJ}های`],
        ['zwnj-tar', 'بزرگ تر', `بزرگ${ZWNJ}تر`],
        ['latin-punctuation', ';', '؛'],
        ['arabic-letters', 'علي', 'علی'],
        ['latin-punctuation', '?', '؟'],
        ['mixed-digits', '۱۲3۴', '۱۲۳۴'],
        ['double-space', '  ', ' '],
        ['zwnj-ha', 'کتابها', `کتاب${ZWNJ}ها`],
        ['zwnj-tar', 'مهمترین', `مهم${ZWNJ}ترین`],
      ]);
      expect(issues[0]).toEqual({ rule: 'zwnj-mi', start: 14, end: 20, suggestion: `می${ZWNJ}شود` });
    });

    it('finds nothing in a clean Persian text or in an English one', async () => {
      expect((await check(CLEAN_PERSIAN)).body).toEqual({ issues: [] });
      expect((await check(CLEAN_ENGLISH)).body).toEqual({ issues: [] });
    });

    it('writes a mixed-script number in Latin digits in an English text', async () => {
      const text = 'Order 12۳4 shipped.';
      expect((await check(text)).body).toEqual({
        issues: [{ rule: 'mixed-digits', start: 6, end: 10, suggestion: '1234' }],
      });
    });

    it('is open to any signed-in user, and refuses the anonymous and malformed requests', async () => {
      expect((await check('می شود', team.outsider)).status).toBe(200);
      expect((await http().post(`${API}/style/check`).send({ text: 'x' })).status).toBe(401);
      expectError(await http().post(`${API}/style/check`).set(bearer(team.viewer)).send({}), 400, 'VALIDATION_FAILED');
      expectError(await check('x', team.viewer, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
    });

    it('answers 404 for an organization the caller is not a member of, as for one that does not exist', async () => {
      expectError(await check('متن', team.viewer, other.org.id), 404, 'NOT_FOUND');
      expectError(await check('متن', team.viewer, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    });
  });

  describe('the glossary', () => {
    const GLOSSARY = [
      { term: 'اپلیکیشن', preferred: 'برنامه', forbidden: true },
      { term: 'ایمیل', preferred: 'رایانامه', forbidden: false },
      { term: 'رقیب‌نما', forbidden: true },
    ];

    it('is empty until an ADMIN writes it; members read it, an EDITOR may not write it, outsiders get 404', async () => {
      const empty = await http().get(`${API}/organizations/${other.org.id}/glossary`).set(bearer(other.viewer));
      expect([empty.status, empty.body]).toEqual([200, []]);

      const written = await putGlossary(GLOSSARY);
      expect(written.status).toBe(200);
      const expected = [
        { term: 'اپلیکیشن', preferred: 'برنامه', forbidden: true },
        { term: 'ایمیل', preferred: 'رایانامه', forbidden: false },
        { term: 'رقیب‌نما', preferred: null, forbidden: true },
      ];
      expect(written.body).toEqual(expected);
      const read = await http().get(`${API}/organizations/${team.org.id}/glossary`).set(bearer(team.viewer));
      expect([read.status, read.body]).toEqual([200, expected]);

      expectError(await putGlossary([], team.editor), 403, 'FORBIDDEN');
      expectError(
        await http().get(`${API}/organizations/${team.org.id}/glossary`).set(bearer(team.outsider)),
        404,
        'NOT_FOUND',
      );
      expectError(await putGlossary([], other.admin), 404, 'NOT_FOUND');
    });

    it('refuses malformed glossaries with 400 naming the field', async () => {
      const fieldsOf = async (entries: unknown) => {
        const response = await putGlossary(entries);
        expectError(response, 400, 'VALIDATION_FAILED');
        return (response.body.details.fields as { field: string }[]).map((field) => field.field);
      };
      expect(await fieldsOf({ term: 'x', forbidden: true })).toEqual(['body']);
      expect(await fieldsOf([{ term: '', forbidden: true }])).toEqual(['0.term']);
      expect(await fieldsOf([{ term: 'الف', forbidden: 'yes' }])).toEqual(['0.forbidden']);
      expect(await fieldsOf([{ term: 'الف', forbidden: false, extra: 1 }])).toEqual(['0.extra']);
      expect(await fieldsOf([{ term: 'ب'.repeat(101), forbidden: false }])).toEqual(['0.term']);
      expect(await fieldsOf([{ term: '  ', forbidden: false }])).toEqual(['0.term']);
      expect(
        await fieldsOf([
          { term: 'کتاب‌ها', forbidden: false },
          { term: 'كتاب ها', forbidden: true },
        ]),
      ).toEqual(['1.term']);
      expect(await fieldsOf(Array.from({ length: 501 }, (_, i) => ({ term: `t${i}`, forbidden: false })))).toEqual([
        'body',
      ]);
      // Nothing was written by any of them.
      const read = await http().get(`${API}/organizations/${team.org.id}/glossary`).set(bearer(team.viewer));
      expect(read.body).toHaveLength(3);
    });

    it('applies to POST /style/check with organizationId, and only with it', async () => {
      const text = 'این اپلیکیشن به ايميل و محصول رقیب نما نیاز ندارد';

      const withGlossary = await check(text, team.viewer, team.org.id);

      expect(withGlossary.status).toBe(200);
      expect(covered(text, withGlossary.body.issues as StyleIssue[])).toEqual([
        ['glossary-forbidden', 'اپلیکیشن', 'برنامه'],
        ['glossary-preferred', 'ايميل', 'رایانامه'],
        ['glossary-forbidden', 'رقیب نما ', ''],
      ]);
      expect(covered(text, (await check(text)).body.issues as StyleIssue[])).toEqual([
        ['arabic-letters', 'ايميل', 'ایمیل'],
      ]);
    });

    it('audits each real change, and not a PUT that changes nothing', async () => {
      const changes = async () => {
        const log = await http().get(`${API}/organizations/${team.org.id}/audit-log?limit=100`).set(bearer(team.admin));
        return (log.body.items as { action: string; metadata: Record<string, unknown> }[]).filter(
          (entry) => entry.action === 'content.glossary_changed',
        );
      };
      const before = (await changes()).length;

      await putGlossary(GLOSSARY);
      await putGlossary([...GLOSSARY, { term: 'هوش مصنوعی', preferred: null, forbidden: false }]);
      await putGlossary([...GLOSSARY, { term: 'هوش مصنوعی', preferred: null, forbidden: false }]);

      const after = await changes();
      expect(after.length - before).toBe(1);
      expect(after[0]?.metadata).toMatchObject({ entries: 4, added: 1, removed: 0, changed: 0 });
      await putGlossary(GLOSSARY);
    });
  });

  describe('`style` on GET /contents/:id', () => {
    it('lists the issues of the current body with the glossary of now, and an applied suggestion leaves a new version without it', async () => {
      await putGlossary([{ term: 'اپلیکیشن', preferred: 'برنامه', forbidden: true }]);
      const content = await createContent(t, team.editor, projectId);
      expect((await contentOf(content.id)).style).toEqual({ issues: [] });
      const body = 'این اپلیکیشن سریع تر اجرا می شود.';
      expect((await http().patch(`${API}/contents/${content.id}`).set(bearer(team.editor)).send({ body })).status).toBe(
        200,
      );

      const read = await contentOf(content.id);
      expect(covered(body, read.style.issues)).toEqual([
        ['glossary-forbidden', 'اپلیکیشن', 'برنامه'],
        ['zwnj-tar', 'سریع تر', `سریع${ZWNJ}تر`],
        ['zwnj-mi', 'می شود', `می${ZWNJ}شود`],
      ]);

      // The dashboard applies one suggestion to the body and saves it: a new manual version without that issue.
      const issue = read.style.issues[2]!;
      const applied = body.slice(0, issue.start) + issue.suggestion + body.slice(issue.end);
      const saved = await http()
        .patch(`${API}/contents/${content.id}`)
        .set(bearer(team.editor))
        .send({ body: applied });
      expect(saved.status).toBe(200);
      const after = await contentOf(content.id);
      expect(after.currentVersion).toBe(read.currentVersion + 1);
      expect(after.body).toBe(`این اپلیکیشن سریع تر اجرا می${ZWNJ}شود.`);
      expect(after.style.issues.map((i) => i.rule)).toEqual(['glossary-forbidden', 'zwnj-tar']);
      const versions = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.viewer));
      expect((versions.body as { source: string }[]).at(-1)?.source).toBe('manual');

      // A glossary change applies at once: the term is no longer flagged.
      await putGlossary([]);
      expect((await contentOf(content.id)).style.issues.map((i) => i.rule)).toEqual(['zwnj-tar']);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await http().get('/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths[`${API}/style/check`] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths[`${API}/organizations/{orgId}/glossary`] ?? {}).sort()).toEqual(['get', 'put']);
    expect(document.components.schemas.ContentDetailResponseDto?.properties).toHaveProperty('style');
    expect(document.components.schemas.StyleIssueDto?.properties).toHaveProperty('rule');
  });
});
