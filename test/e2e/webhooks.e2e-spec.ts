import request from 'supertest';
import { verifyWebhookSignature } from '../../src/notifications/domain/webhooks/webhook-signature';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('Webhooks: registration, signed deliveries, retries and disabling (HTTP, real queue)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;
  let other: ContentTeam;
  let projectId: string;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({
      APP_ROLE: 'all',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_DELAY_MS: '100',
      WEBHOOK_DISABLE_AFTER_MS: '1500',
      WEBHOOK_ATTEMPTS: '8',
    });
    [team, other] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
    await receiver.stop();
  });

  const http = () => request(t.server);
  const register = (path: string, events: string[], as = team.admin, org = team.org.id) =>
    http()
      .post(`${API}/organizations/${org}/webhooks`)
      .set(bearer(as))
      .send({ url: `${receiver.url}${path}`, events });
  const deliveriesOf = async (id: string) =>
    (await http().get(`${API}/webhooks/${id}/deliveries`).set(bearer(team.admin))).body as {
      items: { eventId: string; attempt: number; status: string; statusCode: number | null; eventType: string }[];
      total: number;
    };

  async function approvedContent(): Promise<string> {
    const content = await createContent(t, team.editor, projectId);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    expect(
      (
        await http()
          .post(`${API}/contents/${content.id}/approve`)
          .set(bearer(team.admin))
          .send({ version: 1, comment: 'تأیید' })
      ).status,
    ).toBe(200);
    return content.id;
  }

  it('registers a webhook: 201 with the secret once, then listed without it', async () => {
    const created = await register('/list', ['content.approved', 'content.rejected']);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: `${receiver.url}/list`,
      events: ['content.approved', 'content.rejected'],
      enabled: true,
      failingSince: null,
      disabledAt: null,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await http().get(`${API}/organizations/${team.org.id}/webhooks`).set(bearer(team.admin));
    expect(listed.status).toBe(200);
    const mine = (listed.body as Record<string, unknown>[]).find((item) => item.id === created.body.id);
    expect(mine).toBeDefined();
    expect(mine).not.toHaveProperty('secret');
    const audit = await http().get(`${API}/organizations/${team.org.id}/audit-log`).set(bearer(team.admin));
    expect(
      (audit.body.items as { action: string; targetId: string }[]).some(
        (entry) => entry.action === 'webhook.created' && entry.targetId === created.body.id,
      ),
    ).toBe(true);
  });

  it('refuses bad URLs and events with 400, other roles with 403, other tenants with 404', async () => {
    expectError(
      await http()
        .post(`${API}/organizations/${team.org.id}/webhooks`)
        .set(bearer(team.admin))
        .send({ url: 'ftp://example.com/x', events: ['content.approved'] }),
      400,
      'WEBHOOK_URL_INVALID',
    );
    expectError(
      await http()
        .post(`${API}/organizations/${team.org.id}/webhooks`)
        .set(bearer(team.admin))
        .send({ url: 'https://u:p@example.com/', events: ['content.approved'] }),
      400,
      'WEBHOOK_URL_INVALID',
    );
    expectError(await register('/x', ['content.deleted']), 400, 'VALIDATION_FAILED');
    expectError(await register('/x', []), 400, 'VALIDATION_FAILED');
    expectError(await register('/x', ['content.approved'], team.editor), 403, 'FORBIDDEN');
    expectError(
      await http().get(`${API}/organizations/${team.org.id}/webhooks`).set(bearer(team.viewer)),
      403,
      'FORBIDDEN',
    );

    const mine = await register('/tenancy', ['content.approved']);
    expectError(await http().delete(`${API}/webhooks/${mine.body.id}`).set(bearer(other.admin)), 404, 'NOT_FOUND');
    expectError(
      await http().get(`${API}/webhooks/${mine.body.id}/deliveries`).set(bearer(other.admin)),
      404,
      'NOT_FOUND',
    );
    expectError(
      await http().get(`${API}/webhooks/${mine.body.id}/deliveries`).set(bearer(team.editor)),
      403,
      'FORBIDDEN',
    );
  });

  it('delivers content.approved signed per Standard Webhooks, retrying after 500s with the same webhook-id', async () => {
    const created = await register('/approved', ['content.approved']);
    receiver.answer('/approved', 500, 500);

    const contentId = await approvedContent();

    const attempts = await eventually(
      'three attempts at /approved',
      async () => (receiver.at('/approved').length >= 3 ? receiver.at('/approved') : undefined),
      20_000,
      50,
    );
    const delivered = attempts[2]!;
    expect(delivered.json).toMatchObject({
      type: 'content.approved',
      data: { contentId, status: 'APPROVED', approvedBy: team.admin.user.id, comment: 'تأیید' },
    });
    expect(delivered.body).not.toContain('گوشی آوا ۵ با باتری');
    const id = String(delivered.headers['webhook-id']);
    const timestamp = Number(delivered.headers['webhook-timestamp']);
    expect(
      verifyWebhookSignature(
        created.body.secret as string,
        id,
        timestamp,
        delivered.body,
        String(delivered.headers['webhook-signature']),
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        id,
        timestamp,
        delivered.body,
        String(delivered.headers['webhook-signature']),
      ),
    ).toBe(false);
    expect(attempts.map((attempt) => attempt.headers['webhook-id'])).toEqual([id, id, id]);
    expect(delivered.headers['content-type']).toBe('application/json');

    const log = await eventually(
      'three logged attempts',
      async () => {
        const page = await deliveriesOf(created.body.id as string);
        return page.total >= 3 ? page : undefined;
      },
      10_000,
      50,
    );
    expect(log.items.map((item) => [item.attempt, item.status, item.statusCode])).toEqual([
      [3, 'succeeded', 200],
      [2, 'failed', 500],
      [1, 'failed', 500],
    ]);
    expect(new Set(log.items.map((item) => item.eventId))).toEqual(new Set([id]));
  });

  it('delivers content.generated after a real generation, and usage.threshold_reached when a limit crosses 80 %', async () => {
    await register('/generated', ['content.generated', 'usage.threshold_reached']);
    // Room for this one generation only: its worst case (prompt + maxTokens 100) fits in 120, and
    // its real use (the prompt and a 100-word answer, a token a word in the fake) passes 80 % of it.
    const before = await http().get(`${API}/organizations/${team.org.id}/usage/limits`).set(bearer(team.admin));
    const used = (before.body as { used: { tokens: number } }).used.tokens;
    await http()
      .put(`${API}/organizations/${team.org.id}/usage/limits`)
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit: used + 120, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null })
      .expect(200);
    fake.respondWith(Array.from({ length: 100 }, (_, i) => `واژه${i}`).join(' '));
    const content = await createContent(t, team.editor, projectId, { prompt: 'یک متن بنویس', maxTokens: 100 });

    expect((await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor))).status).toBe(202);

    const generated = await eventually(
      'content.generated',
      async () => receiver.at('/generated').find((item) => item.json.type === 'content.generated'),
      20_000,
      50,
    );
    expect(generated.json.data).toMatchObject({ contentId: content.id, status: 'REVIEW', version: 1 });
    const threshold = await eventually(
      'usage.threshold_reached',
      async () => receiver.at('/generated').find((item) => item.json.type === 'usage.threshold_reached'),
      20_000,
      50,
    );
    expect(threshold.json.data).toMatchObject({
      organizationId: team.org.id,
      scope: 'organization:tokens',
      threshold: 80,
    });
  });

  it('disables an endpoint that keeps failing, audits it, and stops delivering to it', async () => {
    const created = await register('/down', ['content.approved']);
    receiver.answer('/down', ...Array.from({ length: 20 }, () => 503));

    await approvedContent();

    await eventually(
      'the endpoint to be disabled',
      async () => {
        const listed = await http().get(`${API}/organizations/${team.org.id}/webhooks`).set(bearer(team.admin));
        const mine = (listed.body as { id: string; enabled: boolean; disabledAt: string | null }[]).find(
          (item) => item.id === created.body.id,
        );
        return mine && !mine.enabled && mine.disabledAt ? mine : undefined;
      },
      20_000,
      100,
    );
    const audit = await http().get(`${API}/organizations/${team.org.id}/audit-log`).set(bearer(team.admin));
    expect(
      (audit.body.items as { action: string; targetId: string; actorId: string | null }[]).find(
        (entry) => entry.action === 'webhook.disabled' && entry.targetId === created.body.id,
      ),
    ).toMatchObject({ actorId: null });
    const before = receiver.at('/down').length;

    await approvedContent();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/down')).toHaveLength(before);
  });

  it('deletes a webhook (204, audited): nothing more is delivered to it', async () => {
    const created = await register('/deleted', ['content.approved']);
    expect((await http().delete(`${API}/webhooks/${created.body.id}`).set(bearer(team.admin))).status).toBe(204);
    expectError(await http().delete(`${API}/webhooks/${created.body.id}`).set(bearer(team.admin)), 404, 'NOT_FOUND');

    await approvedContent();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/deleted')).toHaveLength(0);
  });
});
