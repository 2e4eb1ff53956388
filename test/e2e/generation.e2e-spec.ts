import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer, DEFAULT_FAKE_OPENAI_REPLY } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, createOrganizationAs, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { openEvents } from '../support/sse-client';

interface Accepted {
  contentId: string;
  jobId: string;
  status: string;
}

interface Version {
  number: number;
  source: string;
  body: string;
}

/** Two failed attempts back off 2 s and 4 s before the third. */
const RETRIES_MS = 30_000;

describe('POST /contents/:id/generate (whole app, fake OpenAI)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;
  let projectId: string;
  let baseUrl: string;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test', APP_ROLE: 'all' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    baseUrl = `http://127.0.0.1:${address.port}`;
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = () => request(t.server);
  const generate = (contentId: string, as = team.editor) =>
    http().post(`${API}/contents/${contentId}/generate`).set(bearer(as));
  const newContent = (): Promise<ContentBody> => createContent(t, team.editor, projectId);

  async function contentOf(contentId: string, as = team.editor): Promise<ContentBody> {
    const response = await http().get(`${API}/contents/${contentId}`).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as ContentBody;
  }

  async function usageRecordsOf(contentId: string): Promise<number> {
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM usage_records WHERE content_id = $1', [contentId]);
    return rows[0].n;
  }

  const settledIn = (contentId: string, status: string, timeoutMs = 15_000, as = team.editor) =>
    eventually(
      `content ${contentId} in ${status}`,
      async () => {
        const content = await contentOf(contentId, as);
        return content.status === status ? content : undefined;
      },
      timeoutMs,
      100,
    );

  it('accepts the request, generates in the background and records the call once', async () => {
    const content = await newContent();

    const response = await generate(content.id);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ contentId: content.id, jobId: expect.any(String), status: 'IN_PROGRESS' });
    const done = await settledIn(content.id, 'REVIEW');
    expect(done.body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
    const versions = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.editor));
    expect((versions.body as Version[]).filter((v) => v.source === 'ai').map((v) => v.body)).toEqual([
      DEFAULT_FAKE_OPENAI_REPLY,
    ]);
    expect(await usageRecordsOf(content.id)).toBe(1);
  });

  it(
    'retries after two server errors and still records exactly one call',
    async () => {
      const content = await newContent();
      fake.failNext(2, { status: 500 });

      expect((await generate(content.id)).status).toBe(202);

      const done = await settledIn(content.id, 'REVIEW', RETRIES_MS);
      expect(done.body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
      expect(fake.requestCount).toBeGreaterThanOrEqual(3);
      expect(await usageRecordsOf(content.id)).toBe(1);
    },
    RETRIES_MS + 10_000,
  );

  it('returns the content to DRAFT with lastError when the provider has no quota, recording nothing', async () => {
    const content = await newContent();
    fake.failNext(10, { status: 429, code: 'insufficient_quota' });

    expect((await generate(content.id)).status).toBe(202);

    const failed = await eventually(
      'the generation to fail',
      async () => {
        const current = await contentOf(content.id);
        return current.status === 'DRAFT' && current.lastError ? current : undefined;
      },
      15_000,
      100,
    );
    expect(failed.lastError).toMatchObject({ code: 'INSUFFICIENT_QUOTA', message: expect.any(String) });
    expect(await usageRecordsOf(content.id)).toBe(0);
  });

  it('refuses a second generation while one runs with 409 CONTENT_BUSY', async () => {
    const content = await newContent();
    fake.setLatency(1_500);

    expect((await generate(content.id)).status).toBe(202);
    expectError(await generate(content.id), 409, 'CONTENT_BUSY');

    await settledIn(content.id, 'REVIEW');
    expect(await usageRecordsOf(content.id)).toBe(1);
  });

  it('answers a repeat with the same Idempotency-Key with the first answer', async () => {
    const content = await newContent();
    fake.setLatency(500);
    const key = `gen-${content.id}`;

    const first = await generate(content.id).set('Idempotency-Key', key);
    const repeat = await generate(content.id).set('Idempotency-Key', key);

    expect(first.status).toBe(202);
    expect(repeat.status).toBe(202);
    expect((repeat.body as Accepted).jobId).toBe((first.body as Accepted).jobId);
    await settledIn(content.id, 'REVIEW');
    expect(await usageRecordsOf(content.id)).toBe(1);
  });

  it('refuses a malformed Idempotency-Key with 400 VALIDATION_FAILED, shaped like every other bad field', async () => {
    const content = await newContent();

    const refused = await generate(content.id).set('Idempotency-Key', 'x'.repeat(256));

    expectError(refused, 400, 'VALIDATION_FAILED');
    expect(refused.body.details).toEqual({
      fields: [{ field: 'Idempotency-Key', messages: [expect.stringContaining('printable ASCII')] }],
    });
  });

  it('refuses APPROVED content with 409 CONTENT_INVALID_TRANSITION', async () => {
    const content = await newContent();
    expect((await generate(content.id)).status).toBe(202);
    const inReview = await settledIn(content.id, 'REVIEW');
    expect(
      (
        await http()
          .post(`${API}/contents/${content.id}/approve`)
          .set(bearer(team.admin))
          .send({ version: inReview.currentVersion })
      ).status,
    ).toBe(200);

    expectError(await generate(content.id), 409, 'CONTENT_INVALID_TRANSITION');
  });

  it('refuses a VIEWER with 403 and an outsider with 404', async () => {
    const content = await newContent();

    expect((await generate(content.id, team.viewer)).status).toBe(403);
    expect((await generate(content.id, team.outsider)).status).toBe(404);
    expect((await contentOf(content.id)).status).toBe('DRAFT');
  });

  it('refuses a generation that could pass the usage limit with 402, leaving the content in DRAFT', async () => {
    const org = await createOrganizationAs(t, team.admin);
    const workspace = await http()
      .post(`${API}/organizations/${org.id}/workspaces`)
      .set(bearer(team.admin))
      .send({ name: 'محدود' });
    const project = await createProject(t, team.admin, (workspace.body as { id: string }).id);
    const content = await createContent(t, team.admin, project.id);
    const limits = await http()
      .put(`${API}/organizations/${org.id}/usage/limits`)
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit: 10, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
    expect(limits.status).toBe(200);

    expectError(await generate(content.id, team.admin), 402, 'USAGE_LIMIT_EXCEEDED');

    const current = await http().get(`${API}/contents/${content.id}`).set(bearer(team.admin));
    expect((current.body as ContentBody).status).toBe('DRAFT');
    expect(fake.requestCount).toBe(0);
  });

  it('streams the text to a VIEWER over SSE as the model writes it, then the move to REVIEW', async () => {
    const content = await newContent();
    const reply = 'سلام! این متن کلمه به کلمه می‌رسد: Contexor streams it word by word.';
    fake.respondWith(reply);
    fake.setChunkDelay(20);
    const stream = await openEvents(baseUrl, content.id, bearer(team.viewer));
    try {
      expect(stream.status).toBe(200);
      await eventually(
        'the first status event',
        async () => (stream.events.some((event) => event.event === 'status') ? true : undefined),
        10_000,
      );

      const accepted = await generate(content.id);
      expect(accepted.status).toBe(202);
      await eventually(
        'the REVIEW status on the stream',
        async () =>
          stream.events.some(
            (event) => event.event === 'status' && (event.data as { status: string }).status === 'REVIEW',
          )
            ? true
            : undefined,
        15_000,
      );

      const names = stream.events.map((event) => event.event);
      const deltas = stream.events
        .filter((event) => event.event === 'delta')
        .map((event) => (event.data as { text: string }).text);
      expect(deltas.length).toBeGreaterThan(3);
      expect(deltas.join('')).toBe(reply);
      const running = names.lastIndexOf('status', names.indexOf('delta'));
      expect((stream.events[running].data as { status: string }).status).toBe('IN_PROGRESS');
      expect(names.slice(names.indexOf('delta'))).toEqual([...deltas.map(() => 'delta'), 'done', 'status']);
      const done = stream.events.find((event) => event.event === 'done')?.data as {
        usage: { completionTokens: number };
        jobId: string;
      };
      expect(done.jobId).toBe((accepted.body as Accepted).jobId);
      expect(done.usage.completionTokens).toBeGreaterThan(0);
      expect((await contentOf(content.id)).body).toBe(reply);
    } finally {
      stream.close();
    }
  });

  it('never overspends when 20 generate requests race for a limit that fits only some of them', async () => {
    const org = await createOrganizationAs(t, team.admin);
    const workspace = await http()
      .post(`${API}/organizations/${org.id}/workspaces`)
      .set(bearer(team.admin))
      .send({ name: 'همزمان' });
    const project = await createProject(t, team.admin, (workspace.body as { id: string }).id);
    const contents = await Promise.all(
      Array.from({ length: 20 }, () => createContent(t, team.admin, project.id, { maxTokens: 200 })),
    );
    // Each request reserves its prompt tokens plus maxTokens (200): about 215 tokens. 1 000 fits four.
    const limit = 1_000;
    const limits = await http()
      .put(`${API}/organizations/${org.id}/usage/limits`)
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit: limit, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
    expect(limits.status).toBe(200);

    // Calls that stay open keep every granted reservation outstanding for the whole race.
    fake.setLatency(2_000);
    const answers = await Promise.all(contents.map((content) => generate(content.id, team.admin)));

    const accepted = answers.filter((answer) => answer.status === 202);
    const refused = answers.filter((answer) => answer.status !== 202);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThanOrEqual(Math.floor(limit / 200));
    for (const answer of refused) expectError(answer, 402, 'USAGE_LIMIT_EXCEEDED');
    const reserved: { tokens: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT coalesce(sum(tokens), 0)::text AS tokens FROM usage_reservations WHERE organization_id = $1`, [
        org.id,
      ]);
    expect(Number(reserved[0].tokens)).toBeLessThanOrEqual(limit);

    await Promise.all(
      accepted.map((answer) => settledIn((answer.body as Accepted).contentId, 'REVIEW', 30_000, team.admin)),
    );
    const after = await http().get(`${API}/organizations/${org.id}/usage/limits`).set(bearer(team.admin));
    expect((after.body as { used: { tokens: number } }).used.tokens).toBeLessThanOrEqual(limit);
    const records: { n: number }[] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM usage_records WHERE organization_id = $1', [org.id]);
    expect(records[0].n).toBe(accepted.length);
  });
});
