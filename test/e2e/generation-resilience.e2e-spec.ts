import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RecoverLostGenerationsUseCase } from '../../src/content/application/use-cases/generation/recover-lost-generations.use-case';
import { GENERATION_QUEUE } from '../../src/content/infrastructure/bullmq/generation.queue';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, createOrganizationAs, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

const API_KEY = 'sk-test';

/** The generation path under load, with a backlog, and with providers that answer oddly. */
describe('generation that never wedges (whole app, fake OpenAI)', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
  });

  afterAll(async () => {
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const openAi = { OPENAI_BASE_URL: '', OPENAI_API_KEY: API_KEY };
  const boot = (env: Record<string, string> = {}) =>
    bootSmsTestApp({ ...openAi, OPENAI_BASE_URL: fake.baseUrl, APP_ROLE: 'all', ...env });

  async function statusOf(t: SmsTestApp, contentIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; status: string }[] = await t.app
      .get(DataSource)
      .query('SELECT id, status FROM contents WHERE id = ANY($1)', [contentIds]);
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  async function allReach(t: SmsTestApp, contentIds: string[], status: string): Promise<void> {
    await eventually(
      `${contentIds.length} contents in ${status}`,
      async () =>
        [...(await statusOf(t, contentIds)).values()].filter((s) => s === status).length === contentIds.length,
      60_000,
      100,
    );
  }

  describe('100 generate requests at once with DB_POOL_SIZE=5', () => {
    let t: SmsTestApp;
    let team: ContentTeam;

    beforeAll(async () => {
      t = await boot({ DB_POOL_SIZE: '5', AI_CONCURRENCY: '16', AI_RATE_LIMIT_PER_MINUTE: '100000' });
      team = await setUpContentTeam(t);
    });

    afterAll(async () => {
      await t?.close();
    });

    it('answers every one with 202, brings every content to REVIEW, and stays ready', async () => {
      const project = await createProject(t, team.editor, team.workspaceId);
      const contents = [];
      for (let i = 0; i < 100; i++) contents.push(await createContent(t, team.editor, project.id, { maxTokens: 200 }));

      const answers = await Promise.all(
        contents.map((content) =>
          request(t.server).post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor)),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(202));
      await allReach(
        t,
        contents.map((content) => content.id),
        'REVIEW',
      );
      const records: { count: number }[] = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS count FROM usage_records WHERE content_id = ANY($1)', [
          contents.map((content) => content.id),
        ]);
      expect(records[0]?.count).toBe(100);
      expect((await request(t.server).get('/health/ready')).status).toBe(200);
    });
  });

  describe('a backlog of queued generations', () => {
    let t: SmsTestApp;
    let team: ContentTeam;

    beforeAll(async () => {
      t = await boot();
      team = await setUpContentTeam(t);
    });

    afterAll(async () => {
      await t?.close();
    });

    it('keeps each reservation counting while its job waits, through the recovery, and never overspends', async () => {
      const org = await createOrganizationAs(t, team.admin);
      const workspace = await request(t.server)
        .post(`${API}/organizations/${org.id}/workspaces`)
        .set(bearer(team.admin))
        .send({ name: 'صف' });
      const project = await createProject(t, team.admin, (workspace.body as { id: string }).id);
      const contents = [];
      for (let i = 0; i < 3; i++) contents.push(await createContent(t, team.admin, project.id, { maxTokens: 100 }));
      // Room for two worst cases (about 120 tokens each), not three.
      const limits = await request(t.server)
        .put(`${API}/organizations/${org.id}/usage/limits`)
        .set(bearer(team.admin))
        .send({ monthlyTokenLimit: 300, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
      expect(limits.status).toBe(200);
      const generate = (id: string) => request(t.server).post(`${API}/contents/${id}/generate`).set(bearer(team.admin));
      // A backlog: no worker takes generation jobs until the queue is resumed.
      const queue = t.app.get<Queue>(getQueueToken(GENERATION_QUEUE), { strict: false });
      await queue.pause();
      try {
        expect((await generate(contents[0]!.id)).status).toBe(202);
        expect((await generate(contents[1]!.id)).status).toBe(202);
        expectError(await generate(contents[2]!.id), 402, 'USAGE_LIMIT_EXCEEDED');

        // However long they wait, the recovery leaves queued generations and their reservations alone.
        // (It looks at the whole database, which other files share: only these contents are asserted on.)
        await t.app.get(RecoverLostGenerationsUseCase, { strict: false }).execute({ graceMs: 0 });
        const queued = [contents[0]!.id, contents[1]!.id];
        expect([...(await statusOf(t, queued)).values()]).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
        const heldForThem: { count: number }[] = await t.app
          .get(DataSource)
          .query(
            `SELECT count(*)::int AS count FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'`,
            [org.id],
          );
        expect(heldForThem[0]?.count).toBe(2);
        expectError(await generate(contents[2]!.id), 402, 'USAGE_LIMIT_EXCEEDED');
        expect(fake.requestCount).toBe(0);
      } finally {
        await queue.resume();
      }
      await allReach(t, [contents[0]!.id, contents[1]!.id], 'REVIEW');

      const spent = await request(t.server).get(`${API}/organizations/${org.id}/usage/limits`).set(bearer(team.admin));
      expect(spent.body.used.tokens).toBeGreaterThan(0);
      expect(spent.body.used.tokens).toBeLessThanOrEqual(300);
      const held: { count: number }[] = await t.app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS count FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'`,
          [org.id],
        );
      expect(held[0]?.count).toBe(0);
    });
  });

  describe('providers that answer oddly', () => {
    let t: SmsTestApp;
    let team: ContentTeam;

    beforeAll(async () => {
      t = await boot();
      team = await setUpContentTeam(t);
    });

    afterAll(async () => {
      await t?.close();
    });

    async function generateOnce(): Promise<string> {
      const project = await createProject(t, team.editor, team.workspaceId);
      const content = await createContent(t, team.editor, project.id, { maxTokens: 200 });
      const accepted = await request(t.server).post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor));
      expect(accepted.status).toBe(202);
      await eventually(
        'the generation to end',
        async () => (await statusOf(t, [content.id])).get(content.id) !== 'IN_PROGRESS',
        20_000,
      );
      return content.id;
    }

    const recordOf = async (contentId: string) =>
      (await t.app
        .get(DataSource)
        .query('SELECT model, usage_estimated, price_fallback FROM usage_records WHERE content_id = $1', [
          contentId,
        ])) as { model: string; usage_estimated: boolean; price_fallback: boolean }[];

    it('settles a call answered by a model missing from the price table at the fallback rate, and reaches REVIEW', async () => {
      fake.answerAsModel('relay-model-2026-12-01');
      const contentId = await generateOnce();
      expect((await statusOf(t, [contentId])).get(contentId)).toBe('REVIEW');
      expect(await recordOf(contentId)).toEqual([
        { model: 'relay-model-2026-12-01', usage_estimated: false, price_fallback: true },
      ]);
    });

    it('counts the tokens itself when the provider leaves usage out, flags the record, and reaches REVIEW', async () => {
      fake.leaveOutOfStreams({ usage: true });
      const contentId = await generateOnce();
      expect((await statusOf(t, [contentId])).get(contentId)).toBe('REVIEW');
      expect(await recordOf(contentId)).toEqual([
        { model: 'gpt-4.1-mini', usage_estimated: true, price_fallback: false },
      ]);
      expect(fake.requestCount).toBe(1);
    });
  });
});
