import request from 'supertest';
import {
  API,
  bearer,
  bootSmsTestApp,
  signInAsMember,
  type Role,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import {
  createContent,
  createProject,
  createPrompt,
  expectError,
  generate,
  setUpContentTeam,
  type ContentTeam,
  type ProjectBody,
} from '../support/content-helpers';

type Caller = 'outsider' | Role;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Route {
  name: string;
  minimum: Role;
  success: number;
  /** Builds the request for `caller`, with fresh resources where the call changes or removes them. */
  prepare(caller: Session): Promise<{ method: Method; path: string; body?: object }>;
}

const RANK: Record<Caller, number> = { outsider: 0, VIEWER: 1, EDITOR: 2, ADMIN: 3 };
const CALLERS: Caller[] = ['outsider', 'VIEWER', 'EDITOR', 'ADMIN'];

/**
 * Every projects, prompts and contents route against every kind of caller: outsiders get 404
 * (exactly like an unknown id), members below the route's role 403 FORBIDDEN, the others success.
 */
describe('Content authorization matrix (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let project: ProjectBody;
  let promptId: string;
  let contentId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    project = await createProject(t, team.editor, team.workspaceId, 'ماتریس دسترسی');
    promptId = (await createPrompt(t, team.editor, team.workspaceId)).id;
    const content = await createContent(t, team.editor, project.id);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    contentId = content.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const session = (caller: Caller): Session =>
    caller === 'outsider' ? team.outsider : { ADMIN: team.admin, EDITOR: team.editor, VIEWER: team.viewer }[caller];
  const inReview = async () => {
    const content = await createContent(t, team.editor, project.id);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    return content.id;
  };

  const routes: Route[] = [
    {
      name: 'POST /workspaces/:id/projects',
      minimum: 'EDITOR',
      success: 201,
      prepare: async () => ({
        method: 'post',
        path: `/workspaces/${team.workspaceId}/projects`,
        body: { name: 'پروژه' },
      }),
    },
    {
      name: 'GET /workspaces/:id/projects',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/workspaces/${team.workspaceId}/projects` }),
    },
    {
      name: 'GET /projects/:id',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/projects/${project.id}` }),
    },
    {
      name: 'PATCH /projects/:id',
      minimum: 'EDITOR',
      success: 200,
      prepare: async () => ({ method: 'patch', path: `/projects/${project.id}`, body: { description: 'توضیح' } }),
    },
    {
      name: 'DELETE /projects/:id',
      minimum: 'ADMIN',
      success: 204,
      prepare: async () => ({
        method: 'delete',
        path: `/projects/${(await createProject(t, team.editor, team.workspaceId)).id}`,
      }),
    },
    {
      name: 'POST /workspaces/:id/prompts',
      minimum: 'EDITOR',
      success: 201,
      prepare: async () => ({
        method: 'post',
        path: `/workspaces/${team.workspaceId}/prompts`,
        body: { name: 'ن', category: 'د', template: '{{الف}}' },
      }),
    },
    {
      name: 'GET /workspaces/:id/prompts',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/workspaces/${team.workspaceId}/prompts` }),
    },
    {
      name: 'GET /prompts/:id',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/prompts/${promptId}` }),
    },
    {
      name: 'PATCH /prompts/:id',
      minimum: 'EDITOR',
      success: 200,
      prepare: async () => ({ method: 'patch', path: `/prompts/${promptId}`, body: { category: 'تبلیغات' } }),
    },
    {
      name: 'DELETE /prompts/:id',
      minimum: 'EDITOR',
      success: 204,
      prepare: async () => ({
        method: 'delete',
        path: `/prompts/${(await createPrompt(t, team.editor, team.workspaceId)).id}`,
      }),
    },
    {
      name: 'POST /projects/:id/contents',
      minimum: 'EDITOR',
      success: 201,
      prepare: async () => ({
        method: 'post',
        path: `/projects/${project.id}/contents`,
        body: { title: 'عنوان', prompt: 'پرامپت' },
      }),
    },
    {
      name: 'GET /projects/:id/contents',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/projects/${project.id}/contents` }),
    },
    {
      name: 'GET /contents/:id',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/contents/${contentId}` }),
    },
    {
      name: 'PATCH /contents/:id',
      minimum: 'EDITOR',
      success: 200,
      prepare: async () => ({ method: 'patch', path: `/contents/${contentId}`, body: { title: 'عنوان تازه' } }),
    },
    {
      name: 'POST /contents/:id/approve',
      minimum: 'ADMIN',
      success: 200,
      prepare: async () => ({ method: 'post', path: `/contents/${await inReview()}/approve`, body: { version: 1 } }),
    },
    {
      name: 'POST /contents/:id/reject',
      minimum: 'ADMIN',
      success: 200,
      prepare: async () => ({ method: 'post', path: `/contents/${await inReview()}/reject`, body: { reason: 'دلیل' } }),
    },
    {
      name: 'GET /contents/:id/versions',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/contents/${contentId}/versions` }),
    },
    {
      name: 'GET /contents/:id/versions/:number',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/contents/${contentId}/versions/1` }),
    },
    {
      name: 'POST /contents/:id/versions/:number/restore',
      minimum: 'EDITOR',
      success: 201,
      prepare: async () => ({ method: 'post', path: `/contents/${await inReview()}/versions/1/restore` }),
    },
    {
      name: 'GET /contents/:id/diff',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/contents/${contentId}/diff?from=1&to=1` }),
    },
    {
      name: 'GET /contents/:id/export',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/contents/${contentId}/export?format=json` }),
    },
    {
      name: 'GET /projects/:id/export',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/projects/${project.id}/export` }),
    },
    {
      name: 'GET /organizations/:id/content-policy',
      minimum: 'VIEWER',
      success: 200,
      prepare: async () => ({ method: 'get', path: `/organizations/${team.org.id}/content-policy` }),
    },
    {
      name: 'PUT /organizations/:id/content-policy',
      minimum: 'ADMIN',
      success: 200,
      prepare: async () => ({
        method: 'put',
        path: `/organizations/${team.org.id}/content-policy`,
        body: { blockPromptsWithPii: false },
      }),
    },
    {
      name: 'DELETE /contents/:id (own DRAFT)',
      minimum: 'EDITOR',
      success: 204,
      // An EDITOR may delete their own DRAFT: the DRAFT is the caller's when the caller may create one.
      prepare: async (caller) => {
        const author = caller === team.admin || caller === team.editor ? caller : team.editor;
        return { method: 'delete', path: `/contents/${(await createContent(t, author, project.id)).id}` };
      },
    },
  ];

  const cases = routes.flatMap((route) => CALLERS.map((caller) => [route.name, caller, route] as const));

  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const { method, path, body } = await route.prepare(session(caller));
    const response = await request(t.server)
      [method](`${API}${path}`)
      .set(bearer(session(caller)))
      .send(body);
    if (caller === 'outsider') expectError(response, 404, 'NOT_FOUND');
    else if (RANK[caller] < RANK[route.minimum]) expectError(response, 403, 'FORBIDDEN');
    else
      expect({ status: response.status, body: response.status >= 400 ? response.body : undefined }).toEqual({
        status: route.success,
        body: undefined,
      });
  });

  it('reads the caller’s role afresh on every request: a role change counts on the very next one', async () => {
    const member = await signInAsMember(t, team.admin, team.org.id, 'EDITOR');
    const { id } = await createContent(t, member, project.id);
    const edit = (title: string) =>
      request(t.server).patch(`${API}/contents/${id}`).set(bearer(member)).send({ title });
    const setRole = (role: Role) =>
      request(t.server)
        .patch(`${API}/organizations/${team.org.id}/members/${member.user.id}`)
        .set(bearer(team.admin))
        .send({ role });

    expect((await edit('ویرایش نخست')).status).toBe(200);
    expect((await setRole('VIEWER')).status).toBe(200);
    expectError(await edit('ویرایش دوم'), 403, 'FORBIDDEN');
    expect((await setRole('EDITOR')).status).toBe(200);
    expect((await edit('ویرایش سوم')).status).toBe(200);
    const removed = await request(t.server)
      .delete(`${API}/organizations/${team.org.id}/members/${member.user.id}`)
      .set(bearer(team.admin));
    expect(removed.status).toBe(204);
    expectError(await request(t.server).get(`${API}/contents/${id}`).set(bearer(member)), 404, 'NOT_FOUND');
  });

  it.each(routes.map((route) => [route.name, route] as const))(
    '%s without a token: 401 UNAUTHENTICATED',
    async (_name, route) => {
      const { method, path, body } = await route.prepare(team.admin);
      expectError(await request(t.server)[method](`${API}${path}`).send(body), 401, 'UNAUTHENTICATED');
    },
  );
});
