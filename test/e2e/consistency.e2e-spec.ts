import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { rootModuleFor } from '../../src/app.module';
import { WEBHOOK_DELIVERY_QUEUE } from '../../src/notifications/infrastructure/bullmq/webhook.queue';
import {
  API,
  bearer,
  bootSmsTestApp,
  KAVENEGAR_TEST_KEY,
  OTP_TEMPLATE,
  type SmsTestApp,
} from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { openObserverDataSource } from '../support/observer-data-source';
import { killWorkers } from '../support/queue-workers';
import { WebhookReceiver } from '../support/webhook-receiver';

interface Delivery {
  type: string;
  data: Record<string, unknown>;
  webhookId: string;
}

/**
 * "A request that fails leaves nothing half done", through the whole app: an API process
 * (APP_ROLE=api, which runs no relay) and, when a test starts one, a worker root on the same
 * database and Redis prefix, as they are deployed. A change, its audit entry and its webhook event
 * commit together; the event leaves through the outbox, relayed by the worker.
 */
describe('Consistency: audit entries and webhook events commit with their change (HTTP, outbox relay)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;
  let observer: DataSource;
  let worker: TestingModule | undefined;
  const receiver = new WebhookReceiver();
  /** The deliveries about a content, as sent, with their webhook-id. */
  const about = (contentId: string): Delivery[] =>
    receiver.received
      .filter((item) => item.json.data.contentId === contentId)
      .map((item) => ({ ...item.json, webhookId: String(item.headers['webhook-id']) }));

  const http = () => request(t.server);

  async function startWorker(): Promise<TestingModule> {
    const config = loadConfig({
      ...process.env,
      APP_ROLE: 'worker',
      REDIS_PREFIX: t.config.redis.prefix,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_OUTBOX_POLL_MS: '100',
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: KAVENEGAR_TEST_KEY,
      KAVENEGAR_BASE_URL: t.fake.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: OTP_TEMPLATE,
    });
    const module = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
    await module.init();
    return module;
  }

  async function inReview(): Promise<string> {
    const content = await createContent(t, team.editor, projectId);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    return content.id;
  }

  const approve = (contentId: string, comment: string) =>
    http().post(`${API}/contents/${contentId}/approve`).set(bearer(team.admin)).send({ version: 1, comment });
  const statusOf = async (contentId: string) =>
    ((await http().get(`${API}/contents/${contentId}`).set(bearer(team.admin))).body as { status: string }).status;
  const outboxRowsAbout = async (contentId: string) =>
    (await observer.query(`SELECT event_id, event_type FROM webhook_outbox WHERE data->>'contentId' = $1`, [
      contentId,
    ])) as { event_id: string; event_type: string }[];
  const auditEntriesAbout = async (contentId: string) =>
    (await observer.query(`SELECT action FROM audit_log WHERE target_type = 'content' AND target_id = $1`, [
      contentId,
    ])) as { action: string }[];

  beforeAll(async () => {
    await receiver.start();
    t = await bootSmsTestApp({ APP_ROLE: 'api', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    observer = await openObserverDataSource();
    // Sign-in codes go out through a worker's SMS processor; that worker is gone before the tests start.
    const signInWorker = await startWorker();
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
    const registered = await http()
      .post(`${API}/organizations/${team.org.id}/webhooks`)
      .set(bearer(team.admin))
      .send({ url: `${receiver.url}/hooks`, events: ['content.approved'] });
    expect(registered.status).toBe(201);
    await killWorkers(signInWorker);
  });

  afterAll(async () => {
    await worker?.close();
    await observer?.destroy();
    await t?.close();
    await receiver.stop();
  });

  it('commits the approval’s event to the outbox with the approval, and a worker relays it later, once', async () => {
    const contentId = await inReview();

    // No worker runs yet: nothing relays, but the event is committed with the approval.
    expect((await approve(contentId, 'بعداً برود')).status).toBe(200);
    const waiting = await outboxRowsAbout(contentId);
    expect(waiting).toEqual([{ event_id: expect.stringMatching(/^msg_/), event_type: 'content.approved' }]);
    expect(await auditEntriesAbout(contentId)).toEqual([{ action: 'content.approved' }]);
    expect(about(contentId)).toEqual([]);

    worker = await startWorker();

    await eventually('the relayed delivery', async () => about(contentId).length > 0, 30_000);
    await eventually('the outbox row removed', async () => (await outboxRowsAbout(contentId)).length === 0);
    const queue = worker.get<Queue>(getQueueToken(WEBHOOK_DELIVERY_QUEUE), { strict: false });
    await eventually('the delivery queue idle', async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0);
    });
    expect(about(contentId)).toEqual([
      {
        type: 'content.approved',
        timestamp: expect.any(String),
        webhookId: waiting[0]!.event_id,
        data: expect.objectContaining({ contentId, status: 'APPROVED', comment: 'بعداً برود' }),
      },
    ]);
  });

  it('answers 503 when the approval’s audit entry cannot be written, and leaves the content in REVIEW with no event', async () => {
    worker ??= await startWorker();
    const contentId = await inReview();
    // The audit log insert of this approval is cancelled as a statement timeout would cancel it.
    const trigger = `refuse_audit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await observer.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.target_id = '${contentId}' AND NEW.action = 'content.approved' THEN
          RAISE EXCEPTION 'canceling statement due to statement timeout' USING ERRCODE = '57014';
        END IF;
        RETURN NEW;
      END $$`);
    await observer.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    let refused: request.Response;
    try {
      refused = await approve(contentId, 'اول');
    } finally {
      await observer.query(`DROP TRIGGER ${trigger} ON audit_log`);
      await observer.query(`DROP FUNCTION ${trigger}()`);
    }

    expectError(refused, 503, 'SERVICE_UNAVAILABLE');
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await statusOf(contentId)).toBe('REVIEW');
    const versions = (await http().get(`${API}/contents/${contentId}/versions`).set(bearer(team.admin))).body as {
      source: string;
    }[];
    expect(JSON.stringify(versions)).not.toContain('approval');
    expect(await auditEntriesAbout(contentId)).toEqual([]);
    expect(await outboxRowsAbout(contentId)).toEqual([]);

    // The same approval once the audit log is back: one entry, one event, one delivery (of this one).
    expect((await approve(contentId, 'دوم')).status).toBe(200);
    await eventually('the delivery of the approval', async () => about(contentId).length > 0, 30_000);
    await eventually('the outbox drained', async () => (await outboxRowsAbout(contentId)).length === 0);
    const queue = worker.get<Queue>(getQueueToken(WEBHOOK_DELIVERY_QUEUE), { strict: false });
    await eventually('the delivery queue idle', async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0);
    });
    expect(about(contentId).map((delivery) => delivery.data.comment)).toEqual(['دوم']);
    expect(await auditEntriesAbout(contentId)).toEqual([{ action: 'content.approved' }]);
  });

  it('answers 5xx and creates no workspace when its audit entry cannot be written', async () => {
    const name = `workspace-${randomUUID().slice(0, 8)}`;
    const trigger = `refuse_audit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await observer.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.metadata->>'name' = '${name}' THEN RAISE EXCEPTION 'audit log refused the entry'; END IF;
        RETURN NEW;
      END $$`);
    await observer.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    let refused: request.Response;
    try {
      refused = await http()
        .post(`${API}/organizations/${team.org.id}/workspaces`)
        .set(bearer(team.admin))
        .send({ name });
    } finally {
      await observer.query(`DROP TRIGGER ${trigger} ON audit_log`);
      await observer.query(`DROP FUNCTION ${trigger}()`);
    }

    expectError(refused, 500, 'INTERNAL');
    const rows = (await observer.query('SELECT id FROM workspaces WHERE name = $1', [name])) as unknown[];
    expect(rows).toEqual([]);
    // Nothing half done: the same request then succeeds, the name not taken by a leftover.
    const created = await http()
      .post(`${API}/organizations/${team.org.id}/workspaces`)
      .set(bearer(team.admin))
      .send({ name });
    expect(created.status).toBe(201);
  });
});
