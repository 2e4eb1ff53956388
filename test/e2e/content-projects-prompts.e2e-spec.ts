import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  createPrompt,
  expectError,
  setUpContentTeam,
  startGeneration,
  type ContentTeam,
} from '../support/content-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('Projects and prompts (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let other: ContentTeam;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    [team, other] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);

  describe('projects', () => {
    it('creates a project in a workspace: 201 with the whole project', async () => {
      const response = await http()
        .post(`${API}/workspaces/${team.workspaceId}/projects`)
        .set(bearer(team.editor))
        .send({ name: '  کمپین نوروز ۱۴۰۵  ', description: 'متن‌های تبلیغاتی فروش ویژهٔ نوروز' });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        organizationId: team.org.id,
        workspaceId: team.workspaceId,
        name: 'کمپین نوروز ۱۴۰۵',
        description: 'متن‌های تبلیغاتی فروش ویژهٔ نوروز',
        createdBy: team.editor.user.id,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it('lists the workspace projects newest first, and no other workspace’s', async () => {
      const first = await createProject(t, team.editor, team.workspaceId, 'اول');
      const second = await createProject(t, team.editor, team.workspaceId, 'دوم');
      await createProject(t, other.editor, other.workspaceId, 'سازمان دیگر');

      const response = await http().get(`${API}/workspaces/${team.workspaceId}/projects`).set(bearer(team.viewer));

      expect(response.status).toBe(200);
      const ids = (response.body as { id: string; organizationId: string }[]).map((p) => p.id);
      expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
      expect((response.body as { organizationId: string }[]).every((p) => p.organizationId === team.org.id)).toBe(true);
    });

    it('shows, renames and re-describes a project; null clears the description', async () => {
      const project = await createProject(t, team.editor, team.workspaceId);

      const patched = await http()
        .patch(`${API}/projects/${project.id}`)
        .set(bearer(team.editor))
        .send({ name: 'نام تازه', description: null });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ id: project.id, name: 'نام تازه', description: null });

      const shown = await http().get(`${API}/projects/${project.id}`).set(bearer(team.viewer));
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual(patched.body);
    });

    it('deletes a project with its contents: 204, then 404', async () => {
      const project = await createProject(t, team.editor, team.workspaceId);
      const content = await createContent(t, team.editor, project.id);

      const deleted = await http().delete(`${API}/projects/${project.id}`).set(bearer(team.admin));

      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expectError(await http().get(`${API}/projects/${project.id}`).set(bearer(team.admin)), 404, 'NOT_FOUND');
      expectError(await http().get(`${API}/contents/${content.id}`).set(bearer(team.admin)), 404, 'NOT_FOUND');
    });

    it('refuses to delete a project while one of its contents is being generated: 409 CONTENT_BUSY', async () => {
      const project = await createProject(t, team.editor, team.workspaceId);
      const content = await createContent(t, team.editor, project.id);
      await startGeneration(t, team.org.id, content.id);

      const response = await http().delete(`${API}/projects/${project.id}`).set(bearer(team.admin));

      expectError(response, 409, 'CONTENT_BUSY');
      expect(response.body.details).toEqual({ contentId: content.id });
    });

    it.each([
      ['no name', {}],
      ['a blank name', { name: '   ' }],
      ['a name of 201 characters', { name: 'ن'.repeat(201) }],
      ['a number as name', { name: 42 }],
      ['an unknown field', { name: 'x', color: 'red' }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body) => {
      const response = await http()
        .post(`${API}/workspaces/${team.workspaceId}/projects`)
        .set(bearer(team.editor))
        .send(body);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.fields.length).toBeGreaterThan(0);
    });

    it('refuses a null name in PATCH with 400 VALIDATION_FAILED', async () => {
      const project = await createProject(t, team.editor, team.workspaceId);
      expectError(
        await http().patch(`${API}/projects/${project.id}`).set(bearer(team.editor)).send({ name: null }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('answers another organization’s project and workspace ids exactly like unknown ones: 404', async () => {
      const foreign = await createProject(t, other.editor, other.workspaceId);
      for (const [method, path] of [
        ['get', `/projects/${foreign.id}`],
        ['patch', `/projects/${foreign.id}`],
        ['delete', `/projects/${foreign.id}`],
        ['get', `/workspaces/${other.workspaceId}/projects`],
        ['post', `/workspaces/${other.workspaceId}/projects`],
        ['get', `/projects/${randomUUID()}`],
        ['get', '/projects/not-a-uuid'],
      ] as const) {
        const response = await http()[method](`${API}${path}`).set(bearer(team.admin)).send({ name: 'x' });
        expectError(response, 404, 'NOT_FOUND');
      }
      expect((await http().get(`${API}/projects/${foreign.id}`).set(bearer(other.viewer))).status).toBe(200);
    });
  });

  describe('prompts', () => {
    it('creates a template and lists its variables, Persian names and spaced braces included', async () => {
      const response = await http()
        .post(`${API}/workspaces/${team.workspaceId}/prompts`)
        .set(bearer(team.editor))
        .send({
          name: 'معرفی محصول',
          category: 'تبلیغات',
          template: 'برای {{نام_محصول}} با لحن {{ لحن }} بنویس؛ {{نام_محصول}} را دو بار بیاور.',
        });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        organizationId: team.org.id,
        workspaceId: team.workspaceId,
        name: 'معرفی محصول',
        category: 'تبلیغات',
        template: 'برای {{نام_محصول}} با لحن {{ لحن }} بنویس؛ {{نام_محصول}} را دو بار بیاور.',
        variables: ['نام_محصول', 'لحن'],
        createdBy: team.editor.user.id,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it('lists by ?category=, exactly', async () => {
      const category = `دسته ${randomUUID().slice(0, 6)}`;
      const mine = await createPrompt(t, team.editor, team.workspaceId, { category });
      await createPrompt(t, team.editor, team.workspaceId, { category: 'وبلاگ' });

      const filtered = await http()
        .get(`${API}/workspaces/${team.workspaceId}/prompts`)
        .query({ category })
        .set(bearer(team.viewer));
      const all = await http().get(`${API}/workspaces/${team.workspaceId}/prompts`).set(bearer(team.viewer));

      expect(filtered.status).toBe(200);
      expect((filtered.body as { id: string }[]).map((p) => p.id)).toEqual([mine.id]);
      expect((all.body as unknown[]).length).toBeGreaterThanOrEqual(2);
    });

    it('shows, changes (variables follow the template) and deletes a prompt', async () => {
      const prompt = await createPrompt(t, team.editor, team.workspaceId);

      const patched = await http()
        .patch(`${API}/prompts/${prompt.id}`)
        .set(bearer(team.editor))
        .send({ template: 'مقاله‌ای دربارهٔ {{موضوع}} برای {{مخاطب}}' });
      expect(patched.status).toBe(200);
      expect(patched.body.variables).toEqual(['موضوع', 'مخاطب']);
      expect((await http().get(`${API}/prompts/${prompt.id}`).set(bearer(team.viewer))).body).toEqual(patched.body);

      expect((await http().delete(`${API}/prompts/${prompt.id}`).set(bearer(team.editor))).status).toBe(204);
      expectError(await http().get(`${API}/prompts/${prompt.id}`).set(bearer(team.viewer)), 404, 'NOT_FOUND');
    });

    it.each([
      ['no template', { name: 'n', category: 'c' }],
      ['a blank category', { name: 'n', category: ' ', template: 't' }],
      ['a template over 20000 characters', { name: 'n', category: 'c', template: 'x'.repeat(20_001) }],
      ['an unknown field', { name: 'n', category: 'c', template: 't', variables: ['a'] }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body) => {
      expectError(
        await http().post(`${API}/workspaces/${team.workspaceId}/prompts`).set(bearer(team.editor)).send(body),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('answers another organization’s prompt ids exactly like unknown ones: 404', async () => {
      const foreign = await createPrompt(t, other.editor, other.workspaceId);
      for (const [method, path] of [
        ['get', `/prompts/${foreign.id}`],
        ['patch', `/prompts/${foreign.id}`],
        ['delete', `/prompts/${foreign.id}`],
        ['get', `/workspaces/${other.workspaceId}/prompts`],
        ['get', `/prompts/${randomUUID()}`],
      ] as const) {
        expectError(
          await http()[method](`${API}${path}`).set(bearer(team.admin)).send({ name: 'x' }),
          404,
          'NOT_FOUND',
        );
      }
    });
  });
});
