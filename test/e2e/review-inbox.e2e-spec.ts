import { setTimeout as sleep } from 'node:timers/promises';
import type { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { AnnounceOverdueReviewsUseCase } from '../../src/content/application/use-cases/reviews/announce-overdue-reviews.use-case';
import { addMember, API, bearer, bootSmsTestApp, type Session, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { startWorkerBeside } from '../support/queue-workers';
import { WebhookReceiver } from '../support/webhook-receiver';

interface InboxItem {
  contentId: string;
  title: string;
  projectId: string;
  organizationId: string;
  version: number;
  waitingSince: string;
  reviewDueAt: string | null;
  overdue: boolean;
}

const POLL_MS = 150;

describe('Review inbox: GET /me/reviews, reviewDueAt and the content.review_overdue webhook (HTTP, real queue)', () => {
  let t: SmsTestApp;
  let secondWorker: TestingModule | undefined;
  let a: ContentTeam;
  let b: ContentTeam;
  let projectA: string;
  let projectB: string;
  const receiver = new WebhookReceiver();
  const overdueOf = (contentId: string) =>
    receiver.received.filter(
      (item) => item.json.type === 'content.review_overdue' && item.json.data.contentId === contentId,
    );

  beforeAll(async () => {
    await receiver.start();
    t = await bootSmsTestApp({
      APP_ROLE: 'all',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      REVIEW_OVERDUE_POLL_MS: String(POLL_MS),
    });
    [a, b] = await Promise.all([setUpContentTeam(t), setUpContentTeam(t)]);
    [projectA, projectB] = await Promise.all([
      createProject(t, a.admin, a.workspaceId).then((project) => project.id),
      createProject(t, b.admin, b.workspaceId).then((project) => project.id),
    ]);
  });

  afterAll(async () => {
    await secondWorker?.close();
    await t?.close();
    await receiver.stop();
  });

  const http = () => request(t.server);
  const inbox = async (as: Session, query: Record<string, string> = {}) => {
    const response = await http().get(`${API}/me/reviews`).query(query).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as { items: InboxItem[]; total: number; page: number; limit: number };
  };
  const ids = (page: { items: InboxItem[] }) => page.items.map((item) => item.contentId);
  const patch = (id: string, body: Record<string, unknown>, as = a.editor) =>
    http().patch(`${API}/contents/${id}`).set(bearer(as)).send(body);
  /** A content of the team's project, brought to REVIEW by a (pretend) generation now. */
  async function inReview(team: ContentTeam, projectId: string, title: string): Promise<string> {
    const content = await createContent(t, team.editor, projectId, { title });
    await generate(t, team.org.id, content.id, team.editor.user.id);
    // Distinct waiting times, whatever the clock's resolution.
    await sleep(5);
    return content.id;
  }

  describe('order and scope', () => {
    let first: string;
    let second: string;
    let draft: string;
    let ofB: string;

    beforeAll(async () => {
      // Created in one order, sent to review in the other: the inbox orders by waiting time.
      const older = await createContent(t, a.editor, projectA, { title: 'نوشتهٔ قدیمی‌تر' });
      second = older.id;
      first = await inReview(a, projectA, 'اول در صف بررسی');
      await generate(t, a.org.id, second, a.editor.user.id);
      await sleep(5);
      draft = (await createContent(t, a.editor, projectA, { title: 'پیش‌نویس' })).id;
      ofB = await inReview(b, projectB, 'محتوای سازمان دیگر');
    });

    it('lists the contents in REVIEW of the organizations where the caller is ADMIN, longest waiting first', async () => {
      const page = await inbox(a.admin);

      expect(ids(page)).toEqual([first, second]);
      expect(page).toMatchObject({ total: 2, page: 1, limit: 20 });
      expect(ids(page)).not.toContain(draft);
      expect(page.items[0]).toMatchObject({
        contentId: first,
        title: 'اول در صف بررسی',
        projectId: projectA,
        organizationId: a.org.id,
        version: 1,
        reviewDueAt: null,
        overdue: false,
      });
      expect(Date.parse(page.items[0].waitingSince)).toBeLessThan(Date.parse(page.items[1].waitingSince));
      expect(ids(await inbox(b.admin))).toEqual([ofB]);
    });

    it('shows nothing to EDITORs, VIEWERs and outsiders of that organization', async () => {
      for (const who of [a.editor, a.viewer, a.outsider])
        expect(await inbox(who)).toMatchObject({ items: [], total: 0 });
    });

    it('pages with page and limit', async () => {
      const page = await inbox(a.admin, { page: '2', limit: '1' });
      expect(ids(page)).toEqual([second]);
      expect(page).toMatchObject({ total: 2, page: 2, limit: 1 });
    });

    it('follows role changes on the very next request, and filters by organization', async () => {
      const joined = await addMember(t, b.admin, b.org.id, a.admin.user.phone, 'EDITOR');
      expect(ids(await inbox(a.admin))).toEqual([first, second]);
      expect(await inbox(a.admin, { organizationId: b.org.id })).toMatchObject({ items: [], total: 0 });

      const role = (to: string) =>
        http()
          .patch(`${API}/organizations/${b.org.id}/members/${joined.userId}`)
          .set(bearer(b.admin))
          .send({ role: to });
      expect((await role('ADMIN')).status).toBe(200);
      expect(ids(await inbox(a.admin))).toEqual([first, second, ofB]);
      expect(ids(await inbox(a.admin, { organizationId: b.org.id }))).toEqual([ofB]);
      expect(ids(await inbox(a.admin, { organizationId: a.org.id }))).toEqual([first, second]);

      expect((await role('VIEWER')).status).toBe(200);
      expect(ids(await inbox(a.admin))).toEqual([first, second]);
      expect((await inbox(a.admin, { organizationId: b.org.id })).total).toBe(0);
    });

    it('drops a content from the inbox once it is decided', async () => {
      const decided = await inReview(a, projectA, 'رد می‌شود');
      expect(ids(await inbox(a.admin))).toContain(decided);
      const rejected = await http()
        .post(`${API}/contents/${decided}/reject`)
        .set(bearer(a.admin))
        .send({ reason: 'لحن مناسب نیست' });
      expect(rejected.status).toBe(200);
      expect(ids(await inbox(a.admin))).not.toContain(decided);
    });

    it('takes a content back in, waiting from now, when an earlier version is restored after a rejection', async () => {
      const restored = await inReview(a, projectA, 'بازگردانده');
      const rejected = await http()
        .post(`${API}/contents/${restored}/reject`)
        .set(bearer(a.admin))
        .send({ reason: 'دوباره ببینید' });
      expect(rejected.status).toBe(200);
      const before = Date.now();
      const restore = await http().post(`${API}/contents/${restored}/versions/1/restore`).set(bearer(a.editor));
      expect(restore.status).toBe(201);

      const page = await inbox(a.admin, { organizationId: a.org.id });
      expect(ids(page).at(-1)).toBe(restored);
      const item = page.items.find((candidate) => candidate.contentId === restored);
      expect(Date.parse(item?.waitingSince ?? '')).toBeGreaterThanOrEqual(before - 1_000);
      expect(item?.version).toBe(2);
    });

    it('refuses malformed filters with 400', async () => {
      for (const query of [{ organizationId: 'not-a-uuid' }, { overdue: 'yes' }, { limit: '0' }]) {
        const response = await http().get(`${API}/me/reviews`).query(query).set(bearer(a.admin));
        expectError(response, 400, 'VALIDATION_FAILED');
      }
      expectError(await http().get(`${API}/me/reviews`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('reviewDueAt', () => {
    it('is set with PATCH (an instant with an offset), shown on the content and in lists, and cleared with null', async () => {
      const id = await inReview(a, projectA, 'با موعد');
      const set = await patch(id, { reviewDueAt: '2030-01-15T17:00:00+03:30' });

      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ reviewDueAt: '2030-01-15T13:30:00.000Z', status: 'REVIEW' });
      expect(Date.parse(set.body.reviewSince as string)).not.toBeNaN();
      const read = await http().get(`${API}/contents/${id}`).set(bearer(a.viewer));
      expect(read.body).toMatchObject({ reviewDueAt: '2030-01-15T13:30:00.000Z' });
      const listed = await http().get(`${API}/projects/${projectA}/contents`).set(bearer(a.viewer));
      expect(
        (listed.body.items as { id: string; reviewDueAt: string | null }[]).find((c) => c.id === id),
      ).toMatchObject({ reviewDueAt: '2030-01-15T13:30:00.000Z' });
      expect((await inbox(a.admin)).items.find((item) => item.contentId === id)).toMatchObject({
        reviewDueAt: '2030-01-15T13:30:00.000Z',
        overdue: false,
      });
      // Persian digits are ordinary input.
      const persian = await patch(id, { reviewDueAt: '۲۰۳۰-۰۲-۰۱T۱۰:۰۰:۰۰Z' });
      expect(persian.body).toMatchObject({ reviewDueAt: '2030-02-01T10:00:00.000Z' });

      const cleared = await patch(id, { reviewDueAt: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.reviewDueAt).toBeNull();
    });

    it('refuses a malformed due date with 400, a date without a time included', async () => {
      const id = (await createContent(t, a.editor, projectA)).id;
      for (const reviewDueAt of ['2030-01-15', '2030-01-15T10:00:00', 'tomorrow', '2030-02-30T10:00:00Z', 42, true]) {
        const response = await patch(id, { reviewDueAt });
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(JSON.stringify(response.body.details)).toContain('reviewDueAt');
      }
    });

    it('is for EDITORs (403 for a VIEWER) and refused on APPROVED content (409)', async () => {
      const id = await inReview(a, projectA, 'تأییدشده');
      expectError(await patch(id, { reviewDueAt: '2030-01-01T00:00:00Z' }, a.viewer), 403, 'FORBIDDEN');
      const approved = await http().post(`${API}/contents/${id}/approve`).set(bearer(a.admin)).send({ version: 1 });
      expect(approved.status).toBe(200);
      expectError(await patch(id, { reviewDueAt: '2030-01-01T00:00:00Z' }), 409, 'CONTENT_INVALID_TRANSITION');
      expect(ids(await inbox(a.admin))).not.toContain(id);
    });
  });

  describe('overdue', () => {
    let webhookId: string;

    beforeAll(async () => {
      const created = await http()
        .post(`${API}/organizations/${a.org.id}/webhooks`)
        .set(bearer(a.admin))
        .send({ url: `${receiver.url}/overdue`, events: ['content.review_overdue'] });
      expect(created.status).toBe(201);
      webhookId = created.body.id as string;
    });

    it('filters overdue and not overdue reviews', async () => {
      const late = await inReview(a, projectA, 'دیرکرد');
      const onTime = await inReview(a, projectA, 'به‌موقع');
      const past = new Date(Date.now() - 60_000).toISOString();
      expect((await patch(late, { reviewDueAt: past })).status).toBe(200);
      expect((await patch(onTime, { reviewDueAt: '2031-01-01T00:00:00Z' })).status).toBe(200);

      const overdue = await inbox(a.admin, { overdue: 'true' });
      expect(ids(overdue)).toContain(late);
      expect(ids(overdue)).not.toContain(onTime);
      expect(overdue.items.every((item) => item.overdue)).toBe(true);
      const notOverdue = await inbox(a.admin, { overdue: 'false' });
      expect(ids(notOverdue)).toContain(onTime);
      expect(ids(notOverdue)).not.toContain(late);
      expect(notOverdue.items.every((item) => !item.overdue)).toBe(true);
      expect(overdue.total + notOverdue.total).toBe((await inbox(a.admin)).total);
    });

    it('sends content.review_overdue exactly once per due date, with two workers scanning at once', async () => {
      secondWorker = await startWorkerBeside(t, {
        REVIEW_OVERDUE_POLL_MS: String(POLL_MS),
        // It delivers webhooks too: to the local receiver.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      });
      const id = await inReview(a, projectA, 'موعد گذشته');
      const due = new Date(Date.now() - 1_000).toISOString();
      expect((await patch(id, { reviewDueAt: due })).status).toBe(200);
      // Both processes' scans, run by hand as well, at the same time as their schedulers.
      const scans = [t.app, secondWorker].map((app) => app.get(AnnounceOverdueReviewsUseCase, { strict: false }));
      await Promise.all([...scans, ...scans].map((scan) => scan.execute()));

      const [delivery] = await eventually('the overdue webhook', async () => overdueOf(id).length > 0 && overdueOf(id));
      expect(delivery.json.data).toMatchObject({
        contentId: id,
        projectId: projectA,
        title: 'موعد گذشته',
        status: 'REVIEW',
        version: 1,
        reviewDueAt: due,
      });
      // Many more scans later, still one.
      await sleep(POLL_MS * 6);
      await Promise.all(scans.map((scan) => scan.execute()));
      await sleep(POLL_MS * 2);
      expect(overdueOf(id)).toHaveLength(1);
      const deliveries = await http().get(`${API}/webhooks/${webhookId}/deliveries`).set(bearer(a.admin));
      expect(
        (deliveries.body.items as { eventType: string; eventId: string }[]).filter(
          (item) => item.eventType === 'content.review_overdue' && item.eventId === delivery.headers['webhook-id'],
        ),
      ).toHaveLength(1);

      // The organization's ADMINs hear of it in the app; its EDITOR does not.
      const notified = async (as: Session) =>
        (
          (await http().get(`${API}/me/notifications`).set(bearer(as))).body.items as {
            type: string;
            data: Record<string, unknown>;
          }[]
        ).filter((item) => item.type === 'content.review_overdue' && item.data.contentId === id);
      expect(await notified(a.admin)).toHaveLength(1);
      expect(await notified(a.editor)).toHaveLength(0);
    });

    it('announces a new due date again once it passes, and the same one never again', async () => {
      const id = await inReview(a, projectA, 'موعد تازه');
      const firstDue = new Date(Date.now() - 2_000).toISOString();
      await patch(id, { reviewDueAt: firstDue });
      await eventually('the first notice', async () => overdueOf(id).length === 1);

      const secondDue = new Date(Date.now() - 1_000).toISOString();
      await patch(id, { reviewDueAt: secondDue });
      await eventually('the second notice', async () => overdueOf(id).length === 2);
      expect(overdueOf(id).map((item) => item.json.data.reviewDueAt)).toEqual([firstDue, secondDue]);

      // Cleared and set to the same date again: already announced.
      await patch(id, { reviewDueAt: null });
      await patch(id, { reviewDueAt: secondDue });
      await sleep(POLL_MS * 6);
      expect(overdueOf(id)).toHaveLength(2);
    });

    it('announces nothing for a content that is not in REVIEW, or whose due date is still ahead', async () => {
      const draft = (await createContent(t, a.editor, projectA, { title: 'پیش‌نویس دیرکرد' })).id;
      const ahead = await inReview(a, projectA, 'هنوز وقت دارد');
      await patch(draft, { reviewDueAt: new Date(Date.now() - 1_000).toISOString() });
      await patch(ahead, { reviewDueAt: new Date(Date.now() + 3_600_000).toISOString() });
      await sleep(POLL_MS * 6);
      expect(overdueOf(draft)).toHaveLength(0);
      expect(overdueOf(ahead)).toHaveLength(0);
    });
  });
});
