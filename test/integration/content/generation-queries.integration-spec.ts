import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../../fakes/fake-openai.server';
import { bootSmsTestApp, type SmsTestApp } from '../../support/auth-helpers';
import { createContent, createProject, setUpContentTeam, type ContentTeam } from '../../support/content-helpers';
import { eventually } from '../../support/eventually';
import { startGenerationOverHttp } from '../../support/generation-helpers';
import { openObserverDataSource } from '../../support/observer-data-source';
import {
  isTransactionStart,
  readsContentRow,
  recordAppQueries,
  type RecordedQuery,
} from '../../support/query-recorder';
import { killWorkers, startWorkerBeside } from '../../support/queue-workers';

const OPENAI_KEY = 'sk-queries-test';

/**
 * The limits, counted in the statements the app sends to PostgreSQL during one whole
 * generation. The API (APP_ROLE=api) and a worker root run in this process as they are deployed;
 * the worker starts only once the 202 is in, so that everything sent before it is the request's.
 */
describe('queries of one generation (API and worker roots, fake OpenAI)', () => {
  let fake: FakeOpenAiServer;
  let api: SmsTestApp;
  let team: ContentTeam;
  let observer: DataSource;
  let worker: TestingModule | undefined;
  let requestPath: RecordedQuery[];
  let wholeGeneration: RecordedQuery[];
  let contentId: string;

  const startWorker = () => startWorkerBeside(api, { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.baseUrl });

  async function statusOf(id: string): Promise<string | undefined> {
    const rows: { status: string }[] = await observer.query('SELECT status FROM contents WHERE id = $1', [id]);
    return rows[0]?.status;
  }

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: OPENAI_KEY });
    api = await bootSmsTestApp({ APP_ROLE: 'api', OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.baseUrl });
    observer = await openObserverDataSource();
    // Sign-in codes go out through a worker's SMS processor; that worker is gone before the count starts.
    const signInWorker = await startWorker();
    team = await setUpContentTeam(api);
    const projectId = (await createProject(api, team.editor, team.workspaceId)).id;
    contentId = (await createContent(api, team.editor, projectId)).id;
    await killWorkers(signInWorker);

    const recorder = recordAppQueries();
    try {
      await startGenerationOverHttp(api, team.editor, contentId);
      requestPath = [...recorder.queries];
      worker = await startWorker();
      await eventually('the content in REVIEW', async () => (await statusOf(contentId)) === 'REVIEW', 30_000);
      wholeGeneration = [...recorder.queries];
    } finally {
      recorder.stop();
    }
    const contentReads = wholeGeneration.filter(readsContentRow(contentId));
    const phaseOf = (query: RecordedQuery) => (requestPath.includes(query) ? 'request' : 'worker ');
    console.log(
      [
        `one generation: ${contentReads.length} reads of the contents row, ` +
          `${requestPath.filter(isTransactionStart).length} transactions on the request path ` +
          `(${requestPath.length} statements until the 202, ${wholeGeneration.length} in all)`,
        ...contentReads.map(
          (query) => `  ${phaseOf(query)} ${query.text.replace(/^SELECT [\s\S]*? FROM /, 'SELECT … FROM ')}`,
        ),
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (worker) await worker.close();
    await observer?.destroy();
    await api?.close();
    await fake?.stop();
  });

  it('reads the contents row at most 4 times from request to REVIEW', () => {
    expect(wholeGeneration.filter(readsContentRow(contentId)).length).toBeLessThanOrEqual(4);
  });

  it('opens at most 2 transactions on the request path, until the 202', () => {
    expect(requestPath.filter(isTransactionStart).length).toBeLessThanOrEqual(2);
  });
});
