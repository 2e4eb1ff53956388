import request from 'supertest';
import { API, bearer, bootSmsTestApp, type Session, type SmsTestApp } from '../../support/auth-helpers';
import {
  createContent,
  createProject,
  generate,
  setUpContentTeam,
  type ContentTeam,
} from '../../support/content-helpers';
import {
  isTransactionStart,
  readsContentRow,
  recordAppQueries,
  type RecordedQuery,
} from '../../support/query-recorder';
import { killWorkers, startWorkerBeside } from '../../support/queue-workers';

/**
 * What one authenticated read costs PostgreSQL, counted in the statements the API sends: the access
 * guard's question (the content's organization and the caller's role there, together) and the
 * content row (its body's model on it). The API runs alone (APP_ROLE=api), so nothing else is
 * sent while a request is counted.
 */
describe('statements of an authenticated content read (API root over HTTP)', () => {
  let api: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;
  let contentId: string;

  /** The statements sent while `as` GETs `path`, and the answer's status. */
  async function statementsOf(path: string, as: Session): Promise<{ status: number; queries: RecordedQuery[] }> {
    const recorder = recordAppQueries();
    try {
      const { status } = await request(api.server).get(`${API}${path}`).set(bearer(as));
      return { status, queries: [...recorder.queries] };
    } finally {
      recorder.stop();
    }
  }

  beforeAll(async () => {
    api = await bootSmsTestApp({ APP_ROLE: 'api' });
    // Sign-in codes go out through a worker's SMS processor; it is gone before anything is counted.
    const signInWorker = await startWorkerBeside(api);
    try {
      team = await setUpContentTeam(api);
    } finally {
      await killWorkers(signInWorker);
    }
    projectId = (await createProject(api, team.editor, team.workspaceId)).id;
    contentId = (await createContent(api, team.editor, projectId)).id;
    await generate(api, team.org.id, contentId, team.editor.user.id);
    // Each pooled connection prepares a statement on its first use; count a warm process, as one serves.
    await statementsOf(`/contents/${contentId}`, team.viewer);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('sends 2 statements for GET /contents/:id: the owner with the caller’s role, then the row', async () => {
    const { status, queries } = await statementsOf(`/contents/${contentId}`, team.viewer);

    expect(status).toBe(200);
    expect(queries).toHaveLength(2);
    expect(queries.filter(isTransactionStart)).toEqual([]);
    const [access, row] = queries as [RecordedQuery, RecordedQuery];
    expect(access.text).toMatch(/\bmemberships\b/);
    expect(access.values).toEqual([contentId, team.viewer.user.id]);
    expect(readsContentRow(contentId)(row)).toBe(true);
    expect(row.text).not.toMatch(/\bcontent_versions\b/);
  });

  it('sends 1 statement to refuse an outsider (404), and 1 for a content that does not exist', async () => {
    const outsider = await statementsOf(`/contents/${contentId}`, team.outsider);
    const missing = await statementsOf(`/contents/00000000-0000-4000-8000-000000000000`, team.viewer);

    expect([outsider.status, outsider.queries.length]).toEqual([404, 1]);
    expect([missing.status, missing.queries.length]).toEqual([404, 1]);
  });

  it('sends 2 statements for a page of a project’s contents with filters: the access, then the page with its total', async () => {
    const { status, queries } = await statementsOf(
      `/projects/${projectId}/contents?status=REVIEW,REJECTED&createdBy=${team.editor.user.id}&limit=100`,
      team.viewer,
    );

    expect(status).toBe(200);
    expect(queries).toHaveLength(2);
    expect(queries[0]?.text).toMatch(/\bmemberships\b/);
    expect(queries[0]?.values).toEqual([projectId, team.viewer.user.id]);
    expect(queries[1]?.text).toMatch(/count\(\*\)/);
  });
});
