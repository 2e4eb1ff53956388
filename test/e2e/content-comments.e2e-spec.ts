import request from 'supertest';
import { API, bearer, bootSmsTestApp, type Session, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';

interface CommentBody {
  id: string;
  contentId: string;
  version: number;
  start: number;
  end: number;
  quote: string;
  body: string;
  authorId: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  anchor?: { version: number; start: number; end: number } | null;
}

const FIRST = 'مقدمه. جملهٔ مورد بحث این‌جاست 🙂 و ادامه دارد. پایان متن.';
const QUOTE = 'جملهٔ مورد بحث این‌جاست';

describe('Comments anchored to text (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let other: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    [team, other] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
    projectId = (await createProject(t, team.editor, team.workspaceId, 'نقد')).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const comments = (id: string) => `${API}/contents/${id}/comments`;

  async function contentWithBody(body: string): Promise<string> {
    const { id } = await createContent(t, team.editor, projectId);
    await edit(id, body);
    return id;
  }

  async function edit(id: string, body: string): Promise<void> {
    const res = await http().patch(`${API}/contents/${id}`).set(bearer(team.editor)).send({ body });
    expect(res.status).toBe(200);
  }

  async function comment(id: string, input: Record<string, unknown>, as: Session = team.editor) {
    return http().post(comments(id)).set(bearer(as)).send(input);
  }

  async function list(id: string, as: Session = team.viewer): Promise<CommentBody[]> {
    const res = await http().get(comments(id)).set(bearer(as));
    expect(res.status).toBe(200);
    return res.body as CommentBody[];
  }

  const rangeOf = (text: string, quote: string) => ({
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
  });

  it('creates a comment on a range of a version, with its quote, unresolved', async () => {
    const id = await contentWithBody(FIRST);
    const res = await comment(id, { version: 1, ...rangeOf(FIRST, QUOTE), body: 'لحن این جمله رسمی نیست' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      contentId: id,
      version: 1,
      ...rangeOf(FIRST, QUOTE),
      quote: QUOTE,
      body: 'لحن این جمله رسمی نیست',
      authorId: team.editor.user.id,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(await list(id)).toEqual([
      { ...(res.body as CommentBody), anchor: { version: 1, ...rangeOf(FIRST, QUOTE) } },
    ]);
  });

  it('refuses ranges that are not of the version body with 400 COMMENT_RANGE_INVALID', async () => {
    const id = await contentWithBody(FIRST);
    const emoji = FIRST.indexOf('🙂');
    const cases: [Record<string, number>, string][] = [
      [{ version: 1, start: -1, end: 3 }, 'start_negative'],
      [{ version: 1, start: 5, end: 5 }, 'empty'],
      [{ version: 1, start: 6, end: 2 }, 'empty'],
      [{ version: 1, start: 0, end: FIRST.length + 1 }, 'past_end'],
      [{ version: 1, start: emoji + 1, end: emoji + 5 }, 'splits_surrogate_pair'],
      [{ version: 1, start: 0, end: emoji + 1 }, 'splits_surrogate_pair'],
      [{ version: 2, start: 0, end: 3 }, 'version_unknown'],
    ];
    for (const [range, reason] of cases) {
      const res = await comment(id, { ...range, body: 'نظر' });
      expectError(res, 400, 'COMMENT_RANGE_INVALID');
      expect(res.body.details).toMatchObject({ reason, version: range.version });
    }
    // Malformed input stays a validation error.
    expectError(await comment(id, { version: 1, start: 0, end: 3, body: '  ' }), 400, 'VALIDATION_FAILED');
    expectError(await comment(id, { version: 1, start: 0.5, end: 3, body: 'نظر' }), 400, 'VALIDATION_FAILED');
    expectError(await comment(id, { version: 1, start: 0, end: 3 }), 400, 'VALIDATION_FAILED');
    expect(await list(id)).toEqual([]);
  });

  it('follows the quoted text through an edit that inserts text before it', async () => {
    const id = await contentWithBody(FIRST);
    const created = (await comment(id, { version: 1, ...rangeOf(FIRST, QUOTE), body: 'نظر' })).body as CommentBody;
    const second = `سطر تازه‌ای در آغاز. ${FIRST.replace('پایان متن.', 'پایان دیگری.')}`;
    await edit(id, second);

    const [listed] = await list(id);
    expect(listed).toMatchObject({ id: created.id, version: 1, ...rangeOf(FIRST, QUOTE), quote: QUOTE });
    expect(listed?.anchor).toEqual({ version: 2, ...rangeOf(second, QUOTE) });
    expect(listed?.anchor?.start).toBeGreaterThan(created.start);
    expect(second.slice(listed!.anchor!.start, listed!.anchor!.end)).toBe(QUOTE);
  });

  it('anchors null once the quoted text is removed, and keeps comments on the current version as they are', async () => {
    const id = await contentWithBody(FIRST);
    await comment(id, { version: 1, ...rangeOf(FIRST, QUOTE), body: 'این را حذف کنید' });
    await comment(id, { version: 1, ...rangeOf(FIRST, 'مقدمه'), body: 'خوب است' });
    const second = FIRST.replace(`${QUOTE} `, '');
    await edit(id, second);
    await comment(id, { version: 2, ...rangeOf(second, 'پایان'), body: 'روی نسخهٔ دوم' });

    const listed = await list(id);
    expect(listed.map((c) => [c.quote, c.anchor])).toEqual([
      [QUOTE, null],
      ['مقدمه', { version: 2, ...rangeOf(second, 'مقدمه') }],
      ['پایان', { version: 2, ...rangeOf(second, 'پایان') }],
    ]);
  });

  it('resolves a comment (EDITOR); resolving again keeps the first resolution', async () => {
    const id = await contentWithBody(FIRST);
    const created = (await comment(id, { version: 1, ...rangeOf(FIRST, 'مقدمه'), body: 'نظر' })).body as CommentBody;

    const resolved = await http().post(`${API}/comments/${created.id}/resolve`).set(bearer(team.editor));
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      id: created.id,
      resolved: true,
      resolvedBy: team.editor.user.id,
      resolvedAt: expect.any(String),
    });
    const again = await http().post(`${API}/comments/${created.id}/resolve`).set(bearer(team.admin));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(resolved.body);
    expect((await list(id))[0]).toMatchObject({ resolved: true, resolvedBy: team.editor.user.id });
  });

  it('lets a VIEWER list but not comment or resolve (403 FORBIDDEN)', async () => {
    const id = await contentWithBody(FIRST);
    const created = (await comment(id, { version: 1, start: 0, end: 5, body: 'نظر' })).body as CommentBody;
    expectError(await comment(id, { version: 1, start: 0, end: 5, body: 'نظر' }, team.viewer), 403, 'FORBIDDEN');
    expectError(await http().post(`${API}/comments/${created.id}/resolve`).set(bearer(team.viewer)), 403, 'FORBIDDEN');
    expect(await list(id, team.viewer)).toHaveLength(1);
  });

  it("answers 404 for another organization's content or comment, as for one that does not exist", async () => {
    const id = await contentWithBody(FIRST);
    const created = (await comment(id, { version: 1, start: 0, end: 5, body: 'نظر' })).body as CommentBody;

    for (const as of [other.admin, other.editor, team.outsider]) {
      expectError(await comment(id, { version: 1, start: 0, end: 5, body: 'نظر' }, as), 404, 'NOT_FOUND');
      expectError(await http().get(comments(id)).set(bearer(as)), 404, 'NOT_FOUND');
      expectError(await http().post(`${API}/comments/${created.id}/resolve`).set(bearer(as)), 404, 'NOT_FOUND');
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expectError(await http().post(`${API}/comments/${missing}/resolve`).set(bearer(team.editor)), 404, 'NOT_FOUND');
    expectError(await http().post(`${API}/comments/not-a-uuid/resolve`).set(bearer(team.editor)), 404, 'NOT_FOUND');
    expect((await list(id))[0]?.resolved).toBe(false);
  });

  it('goes with its content', async () => {
    const id = await contentWithBody(FIRST);
    const created = (await comment(id, { version: 1, start: 0, end: 5, body: 'نظر' })).body as CommentBody;
    expect((await http().delete(`${API}/contents/${id}`).set(bearer(team.editor))).status).toBe(204);
    expectError(await http().post(`${API}/comments/${created.id}/resolve`).set(bearer(team.editor)), 404, 'NOT_FOUND');
  });
});
