import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ContentRepository } from '../../src/content/application/ports/content.repository';
import { AI_BODY, SAMPLE_USAGE } from '../factories/content.factory';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  createPrompt,
  expectError,
  generate,
  setUpContentTeam,
  startGeneration,
  type ContentBody,
  type ContentTeam,
  type ProjectBody,
} from '../support/content-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('Contents, review and versions (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let other: ContentTeam;
  let project: ProjectBody;

  beforeAll(async () => {
    t = await bootSmsTestApp({ OPENAI_DEFAULT_MODEL: 'gpt-4.1-nano' });
    [team, other] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
    project = await createProject(t, team.editor, team.workspaceId, 'کمپین نوروز');
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const getContent = async (id: string) =>
    (await http().get(`${API}/contents/${id}`).set(bearer(team.viewer))).body as ContentBody;
  /** A DRAFT by the team's editor that the ai worker has "generated": now in REVIEW with version 1. */
  const inReview = async (body: Record<string, unknown> = {}) => {
    const content = await createContent(t, team.editor, project.id, body);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    return content;
  };

  describe('POST /projects/:projectId/contents', () => {
    it('creates a DRAFT from a written prompt: 201 with the whole content and the default model', async () => {
      const response = await http()
        .post(`${API}/projects/${project.id}/contents`)
        .set(bearer(team.editor))
        .send({ title: 'معرفی گوشی آوا ۵', prompt: 'یک متن کوتاه و صمیمی برای معرفی گوشی «آوا ۵» بنویس.' });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        projectId: project.id,
        workspaceId: team.workspaceId,
        title: 'معرفی گوشی آوا ۵',
        prompt: 'یک متن کوتاه و صمیمی برای معرفی گوشی «آوا ۵» بنویس.',
        promptId: null,
        variables: null,
        body: null,
        status: 'DRAFT',
        model: 'gpt-4.1-nano',
        temperature: null,
        maxTokens: null,
        currentVersion: null,
        lastError: null,
        pii: { found: false, findings: [] },
        promptPii: { found: false, findings: [] },
        lastReview: null,
        generationJobId: null,
        reviewDueAt: null,
        reviewSince: null,
        createdBy: team.editor.user.id,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it('keeps the model, temperature and maxTokens asked for', async () => {
      const content = await createContent(t, team.editor, project.id, {
        model: 'gpt-4.1',
        temperature: 0.2,
        maxTokens: 1200,
      });
      expect(content).toMatchObject({ model: 'gpt-4.1', temperature: 0.2, maxTokens: 1200 });
    });

    it('renders a prompt template with Persian variables', async () => {
      const prompt = await createPrompt(t, team.editor, team.workspaceId, {
        template: 'یک متن کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.',
      });

      const content = await createContent(t, team.editor, project.id, {
        prompt: undefined,
        promptId: prompt.id,
        variables: { نام_محصول: 'آوا ۵', لحن: 'صمیمی', رنگ: 'اضافه' },
      });

      expect(content).toMatchObject({
        prompt: 'یک متن کوتاه برای آوا ۵ با لحن صمیمی بنویس.',
        promptId: prompt.id,
        variables: { نام_محصول: 'آوا ۵', لحن: 'صمیمی' },
        status: 'DRAFT',
      });
    });

    it('refuses missing variables with 400 TEMPLATE_VARIABLE_MISSING naming them', async () => {
      const prompt = await createPrompt(t, team.editor, team.workspaceId, {
        template: '{{نام_محصول}} برای {{مخاطب}} با لحن {{لحن}}',
      });

      const response = await http()
        .post(`${API}/projects/${project.id}/contents`)
        .set(bearer(team.editor))
        .send({ title: 'ت', promptId: prompt.id, variables: { لحن: 'رسمی', مخاطب: ' ' } });

      expectError(response, 400, 'TEMPLATE_VARIABLE_MISSING');
      expect(response.body.details).toEqual({ missing: ['نام_محصول', 'مخاطب'] });
    });

    it('answers 404 for a promptId of another organization, as for an unknown one', async () => {
      const foreign = await createPrompt(t, other.editor, other.workspaceId);
      for (const promptId of [foreign.id, randomUUID()]) {
        expectError(
          await http()
            .post(`${API}/projects/${project.id}/contents`)
            .set(bearer(team.editor))
            .send({ title: 'ت', promptId, variables: {} }),
          404,
          'NOT_FOUND',
        );
      }
    });

    it.each([
      ['neither prompt nor promptId', { title: 'ت' }, ['prompt']],
      ['both prompt and promptId', { title: 'ت', prompt: 'پ', promptId: randomUUID() }, ['promptId']],
      ['variables with a written prompt', { title: 'ت', prompt: 'پ', variables: { a: 'b' } }, ['variables']],
      ['a variable that is not text', { title: 'ت', promptId: randomUUID(), variables: { تعداد: 3 } }, ['variables']],
      ['a blank title', { title: '  ', prompt: 'پ' }, ['title']],
      ['temperature 2.5', { title: 'ت', prompt: 'پ', temperature: 2.5 }, ['temperature']],
      ['temperature as text', { title: 'ت', prompt: 'پ', temperature: '0.5' }, ['temperature']],
      ['maxTokens 0', { title: 'ت', prompt: 'پ', maxTokens: 0 }, ['maxTokens']],
      ['maxTokens 20000', { title: 'ت', prompt: 'پ', maxTokens: 20_000 }, ['maxTokens']],
      ['maxTokens 1.5', { title: 'ت', prompt: 'پ', maxTokens: 1.5 }, ['maxTokens']],
      ['a model name with spaces', { title: 'ت', prompt: 'پ', model: 'gpt 4' }, ['model']],
      ['an unknown field', { title: 'ت', prompt: 'پ', status: 'APPROVED' }, ['status']],
    ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_case, body, fields) => {
      const response = await http().post(`${API}/projects/${project.id}/contents`).set(bearer(team.editor)).send(body);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect((response.body.details.fields as { field: string }[]).map((f) => f.field)).toEqual(fields);
    });
  });

  describe('GET /projects/:projectId/contents', () => {
    let listed: ProjectBody;
    let ids: Record<'phone' | 'laptop' | 'review', string>;

    beforeAll(async () => {
      listed = await createProject(t, team.editor, team.workspaceId, 'فهرست');
      const phone = await createContent(t, team.editor, listed.id, {
        title: 'معرفی گوشی',
        prompt: 'دربارهٔ گوشی بنویس',
      });
      const laptop = await createContent(t, team.admin, listed.id, {
        title: 'Laptop LAUNCH',
        prompt: 'دربارهٔ لپ‌تاپ بنویس',
      });
      const review = await createContent(t, team.editor, listed.id, { title: 'بازبینی', prompt: 'متن بازبینی' });
      await generate(t, team.org.id, review.id, team.editor.user.id);
      ids = { phone: phone.id, laptop: laptop.id, review: review.id };
    });

    const list = (query: Record<string, string | number> = {}) =>
      http().get(`${API}/projects/${listed.id}/contents`).query(query).set(bearer(team.viewer));
    const idsOf = (response: request.Response) => (response.body.items as { id: string }[]).map((item) => item.id);

    it('answers {items, total, page, limit}, newest first', async () => {
      const response = await list();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 3, page: 1, limit: 20 });
      expect(idsOf(response)).toEqual([ids.review, ids.laptop, ids.phone]);
      expect(response.body.items[0]).toMatchObject({ status: 'REVIEW', body: AI_BODY, currentVersion: 1 });
    });

    it('pages with page and limit', async () => {
      const second = await list({ page: 2, limit: 2 });
      expect(second.body).toMatchObject({ total: 3, page: 2, limit: 2 });
      expect(idsOf(second)).toEqual([ids.phone]);
    });

    it('filters by status, author and a case-insensitive search over title, prompt and body', async () => {
      expect(idsOf(await list({ status: 'REVIEW' }))).toEqual([ids.review]);
      expect(idsOf(await list({ createdBy: team.admin.user.id }))).toEqual([ids.laptop]);
      expect(idsOf(await list({ q: 'launch' }))).toEqual([ids.laptop]);
      expect(idsOf(await list({ q: 'لپ‌تاپ' }))).toEqual([ids.laptop]);
      expect(idsOf(await list({ q: 'باتری' }))).toEqual([ids.review]);
    });

    it('filters by creation time: from inclusive, to exclusive', async () => {
      const phone = await getContent(ids.phone);
      const review = await getContent(ids.review);
      expect(idsOf(await list({ from: phone.createdAt as string, to: review.createdAt as string }))).toEqual([
        ids.laptop,
        ids.phone,
      ]);
      expect(idsOf(await list({ from: '2999-01-01T00:00:00Z' }))).toEqual([]);
    });

    it.each([
      ['an unknown status', { status: 'PUBLISHED' }, 'status'],
      ['a malformed from', { from: 'دیروز' }, 'from'],
      ['to before from', { from: '2026-11-24T00:00:00Z', to: '2026-11-23T00:00:00Z' }, 'to'],
      ['a createdBy that is not a uuid', { createdBy: 'me' }, 'createdBy'],
      ['limit 101', { limit: 101 }, 'limit'],
      ['an unknown parameter', { sort: 'title' }, 'sort'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, query, field) => {
      const response = await list(query);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect((response.body.details.fields as { field: string }[]).map((f) => f.field)).toEqual([field]);
    });
  });

  describe('GET /contents/:id', () => {
    it('shows the generation as it runs, and a failed one back in the status it left with lastError', async () => {
      const content = await createContent(t, team.editor, project.id);
      const jobId = await startGeneration(t, team.org.id, content.id);
      expect(await getContent(content.id)).toMatchObject({ status: 'IN_PROGRESS', generationJobId: jobId });

      await t.app
        .get(ContentRepository, { strict: false })
        .update(team.org.id, content.id, (c) =>
          c.failGeneration(jobId, { code: 'OPENAI_TIMEOUT', message: 'پاسخی از مدل نرسید' }, new Date()),
        );

      expect(await getContent(content.id)).toMatchObject({
        status: 'DRAFT',
        lastError: { code: 'OPENAI_TIMEOUT', message: 'پاسخی از مدل نرسید', at: expect.stringMatching(ISO) },
      });
    });

    it('shows the generated text in REVIEW with the current version', async () => {
      const content = await inReview();
      expect(await getContent(content.id)).toMatchObject({
        status: 'REVIEW',
        body: AI_BODY,
        currentVersion: 1,
        lastError: null,
        pii: { found: false, findings: [] },
      });
    });
  });

  describe('PATCH /contents/:id', () => {
    it('changes title and prompt without a new version, and a body with a new "manual" version', async () => {
      const content = await inReview();

      const titled = await http()
        .patch(`${API}/contents/${content.id}`)
        .set(bearer(team.editor))
        .send({ title: 'عنوان تازه', prompt: 'پرامپت تازه' });
      expect(titled.status).toBe(200);
      expect(titled.body).toMatchObject({
        title: 'عنوان تازه',
        prompt: 'پرامپت تازه',
        currentVersion: 1,
        status: 'REVIEW',
      });

      const edited = await http()
        .patch(`${API}/contents/${content.id}`)
        .set(bearer(team.editor))
        .send({ body: 'متنی که ویراستار با دست نوشت.' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ body: 'متنی که ویراستار با دست نوشت.', currentVersion: 2, status: 'REVIEW' });

      const versions = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.viewer));
      expect(versions.body).toEqual([
        expect.objectContaining({ number: 1, source: 'ai' }),
        {
          number: 2,
          source: 'manual',
          body: 'متنی که ویراستار با دست نوشت.',
          model: null,
          usage: null,
          createdBy: team.editor.user.id,
          createdAt: expect.stringMatching(ISO),
          restoredFrom: null,
          approvedVersion: null,
          bodySha256: null,
        },
      ]);
    });

    it('refuses an APPROVED content with 409 CONTENT_INVALID_TRANSITION', async () => {
      const content = await inReview();
      expect(
        (await http().post(`${API}/contents/${content.id}/approve`).set(bearer(team.admin)).send({ version: 1 }))
          .status,
      ).toBe(200);

      expectError(
        await http()
          .patch(`${API}/contents/${content.id}`)
          .set(bearer(team.editor))
          .send({ body: 'تغییر پس از تأیید' }),
        409,
        'CONTENT_INVALID_TRANSITION',
      );
      expectError(
        await http().patch(`${API}/contents/${content.id}`).set(bearer(team.admin)).send({ title: 'x' }),
        409,
        'CONTENT_INVALID_TRANSITION',
      );
    });

    it('refuses a content being generated with 409 CONTENT_BUSY', async () => {
      const content = await createContent(t, team.editor, project.id);
      const jobId = await startGeneration(t, team.org.id, content.id);

      const response = await http()
        .patch(`${API}/contents/${content.id}`)
        .set(bearer(team.editor))
        .send({ title: 'x' });

      expectError(response, 409, 'CONTENT_BUSY');
      expect(response.body.details).toEqual({ jobId });
    });

    it.each([
      ['a blank body', { body: '   ' }],
      ['a null title', { title: null }],
      ['an unknown field', { status: 'APPROVED' }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body) => {
      const content = await createContent(t, team.editor, project.id);
      expectError(
        await http().patch(`${API}/contents/${content.id}`).set(bearer(team.editor)).send(body),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('approve and reject', () => {
    const auditActions = async () =>
      (await http().get(`${API}/organizations/${team.org.id}/audit-log`).query({ limit: 100 }).set(bearer(team.admin)))
        .body.items as {
        action: string;
        targetId: string;
        actorId: string;
        metadata: Record<string, unknown>;
      }[];

    it('approves a content in REVIEW: 200 APPROVED, an "approval" version, and an audit entry', async () => {
      const content = await inReview();

      const response = await http()
        .post(`${API}/contents/${content.id}/approve`)
        .set(bearer(team.admin))
        .send({ version: 1, comment: 'عالی است؛ منتشر شود.' });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'APPROVED',
        currentVersion: 2,
        lastReview: {
          decision: 'APPROVED',
          by: team.admin.user.id,
          note: 'عالی است؛ منتشر شود.',
          at: expect.stringMatching(ISO),
          version: 1,
          bodySha256: sha256(AI_BODY),
          category: null,
        },
      });
      const approval = await http().get(`${API}/contents/${content.id}/versions/2`).set(bearer(team.viewer));
      expect(approval.body).toEqual({
        number: 2,
        source: 'approval',
        body: AI_BODY,
        model: 'gpt-4.1-mini-2025-04-14',
        usage: null,
        createdBy: team.admin.user.id,
        createdAt: expect.stringMatching(ISO),
        restoredFrom: null,
        approvedVersion: 1,
        bodySha256: sha256(AI_BODY),
      });
      expect(await auditActions()).toContainEqual(
        expect.objectContaining({
          action: 'content.approved',
          targetId: content.id,
          actorId: team.admin.user.id,
          metadata: expect.objectContaining({ version: 2 }),
        }),
      );
    });

    it('approves without a comment', async () => {
      const content = await inReview();
      const response = await http()
        .post(`${API}/contents/${content.id}/approve`)
        .set(bearer(team.admin))
        .send({ version: 1 });
      expect(response.status).toBe(200);
      expect(response.body.lastReview.note).toBeNull();
    });

    it('refuses approving a DRAFT, or approving twice, with 409 CONTENT_INVALID_TRANSITION', async () => {
      const draft = await createContent(t, team.editor, project.id);
      expectError(
        await http().post(`${API}/contents/${draft.id}/approve`).set(bearer(team.admin)).send({ version: 1 }),
        409,
        'CONTENT_INVALID_TRANSITION',
      );

      const content = await inReview();
      await http().post(`${API}/contents/${content.id}/approve`).set(bearer(team.admin)).send({ version: 1 });
      expectError(
        await http().post(`${API}/contents/${content.id}/approve`).set(bearer(team.admin)).send({ version: 2 }),
        409,
        'CONTENT_INVALID_TRANSITION',
      );
      expect((await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.viewer))).body).toHaveLength(
        2,
      );
    });

    it('rejects a content in REVIEW with a reason: 200 REJECTED, audited; it may then be generated again', async () => {
      const content = await inReview();

      const response = await http()
        .post(`${API}/contents/${content.id}/reject`)
        .set(bearer(team.admin))
        .send({ reason: 'لحن متن رسمی نیست؛ دوباره بنویسید.' });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'REJECTED',
        lastReview: { decision: 'REJECTED', note: 'لحن متن رسمی نیست؛ دوباره بنویسید.' },
      });
      expect(await auditActions()).toContainEqual(
        expect.objectContaining({
          action: 'content.rejected',
          targetId: content.id,
          metadata: expect.objectContaining({ reason: 'لحن متن رسمی نیست؛ دوباره بنویسید.' }),
        }),
      );
      await generate(t, team.org.id, content.id, team.editor.user.id, 'نسخهٔ دوم متن با لحن رسمی.');
      expect(await getContent(content.id)).toMatchObject({
        status: 'REVIEW',
        body: 'نسخهٔ دوم متن با لحن رسمی.',
        currentVersion: 2,
      });
    });

    it('needs a reason to reject: 400 VALIDATION_FAILED', async () => {
      const content = await inReview();
      for (const body of [{}, { reason: '  ' }]) {
        const response = await http().post(`${API}/contents/${content.id}/reject`).set(bearer(team.admin)).send(body);
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
      }
    });

    it('refuses rejecting a content not in REVIEW with 409 CONTENT_INVALID_TRANSITION', async () => {
      const draft = await createContent(t, team.editor, project.id);
      expectError(
        await http().post(`${API}/contents/${draft.id}/reject`).set(bearer(team.admin)).send({ reason: 'x' }),
        409,
        'CONTENT_INVALID_TRANSITION',
      );
    });
  });

  describe('versions', () => {
    it('lists versions oldest first with usage on "ai" versions, and shows one by number', async () => {
      const content = await inReview();

      const list = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.viewer));
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        {
          number: 1,
          source: 'ai',
          body: AI_BODY,
          model: 'gpt-4.1-mini-2025-04-14',
          usage: SAMPLE_USAGE,
          createdBy: team.editor.user.id,
          createdAt: expect.stringMatching(ISO),
          restoredFrom: null,
          approvedVersion: null,
          bodySha256: null,
        },
      ]);
      const one = await http().get(`${API}/contents/${content.id}/versions/1`).set(bearer(team.viewer));
      expect(one.status).toBe(200);
      expect(one.body).toEqual(list.body[0]);
    });

    it('lists no versions for a fresh DRAFT', async () => {
      const content = await createContent(t, team.editor, project.id);
      const response = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.viewer));
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
    });

    it.each([['2'], ['0'], ['-1'], ['abc'], ['1.5']])(
      'answers 404 NOT_FOUND for version %s of a content with one',
      async (number) => {
        const content = await inReview();
        expectError(
          await http().get(`${API}/contents/${content.id}/versions/${number}`).set(bearer(team.viewer)),
          404,
          'NOT_FOUND',
        );
      },
    );
  });

  describe('DELETE /contents/:id', () => {
    it('lets an EDITOR delete their own DRAFT: 204, versions gone', async () => {
      const content = await createContent(t, team.editor, project.id);
      const response = await http().delete(`${API}/contents/${content.id}`).set(bearer(team.editor));
      expect(response.status).toBe(204);
      expectError(await http().get(`${API}/contents/${content.id}`).set(bearer(team.editor)), 404, 'NOT_FOUND');
      const [row] = (await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM content_versions WHERE content_id = $1', [content.id])) as {
        n: number;
      }[];
      expect(row?.n).toBe(0);
    });

    it("refuses an EDITOR another member's DRAFT and their own content in REVIEW: 403 FORBIDDEN", async () => {
      const admins = await createContent(t, team.admin, project.id);
      const reviewed = await inReview();
      expectError(await http().delete(`${API}/contents/${admins.id}`).set(bearer(team.editor)), 403, 'FORBIDDEN');
      expectError(await http().delete(`${API}/contents/${reviewed.id}`).set(bearer(team.editor)), 403, 'FORBIDDEN');
    });

    it('lets an ADMIN delete an APPROVED content, but not one being generated (409 CONTENT_BUSY)', async () => {
      const approved = await inReview();
      await http().post(`${API}/contents/${approved.id}/approve`).set(bearer(team.admin)).send({ version: 1 });
      expect((await http().delete(`${API}/contents/${approved.id}`).set(bearer(team.admin))).status).toBe(204);

      const running = await createContent(t, team.editor, project.id);
      await startGeneration(t, team.org.id, running.id);
      expectError(await http().delete(`${API}/contents/${running.id}`).set(bearer(team.admin)), 409, 'CONTENT_BUSY');
    });
  });

  it('answers another organization’s content and project ids exactly like unknown ones: 404 on every route', async () => {
    const foreignProject = await createProject(t, other.editor, other.workspaceId);
    const foreign = await createContent(t, other.editor, foreignProject.id);
    await generate(t, other.org.id, foreign.id, other.editor.user.id);
    const routes = [
      ['get', `/contents/${foreign.id}`, undefined],
      ['patch', `/contents/${foreign.id}`, { title: 'x' }],
      ['post', `/contents/${foreign.id}/approve`, { version: 1 }],
      ['post', `/contents/${foreign.id}/versions/1/restore`, undefined],
      ['post', `/contents/${foreign.id}/reject`, { reason: 'x' }],
      ['get', `/contents/${foreign.id}/versions`, undefined],
      ['get', `/contents/${foreign.id}/versions/1`, undefined],
      ['delete', `/contents/${foreign.id}`, undefined],
      ['get', `/projects/${foreignProject.id}/contents`, undefined],
      ['post', `/projects/${foreignProject.id}/contents`, { title: 'x', prompt: 'y' }],
      ['get', `/contents/${randomUUID()}`, undefined],
      ['get', `/contents/not-a-uuid`, undefined],
    ] as const;
    for (const [method, path, body] of routes) {
      const response = await http()[method](`${API}${path}`).set(bearer(team.admin)).send(body);
      expectError(response, 404, 'NOT_FOUND');
    }
    expect((await http().get(`${API}/contents/${foreign.id}`).set(bearer(other.viewer))).body).toMatchObject({
      status: 'REVIEW',
    });
  });

  it('documents every route in Swagger, with the offsets of PII findings', async () => {
    const docs = await http().get('/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths as Record<string, unknown>);
    for (const path of [
      '/api/v1/workspaces/{workspaceId}/projects',
      '/api/v1/projects/{projectId}',
      '/api/v1/workspaces/{workspaceId}/prompts',
      '/api/v1/prompts/{promptId}',
      '/api/v1/projects/{projectId}/contents',
      '/api/v1/contents/{id}',
      '/api/v1/contents/{id}/approve',
      '/api/v1/contents/{id}/reject',
      '/api/v1/contents/{id}/versions',
      '/api/v1/contents/{id}/versions/{number}',
      '/api/v1/contents/{id}/versions/{number}/restore',
    ]) {
      expect(paths).toContain(path);
    }
    expect(docs.body.components.schemas.ContentResponseDto.properties.pii.description).toMatch(/UTF-16 offsets/);
  });
});
