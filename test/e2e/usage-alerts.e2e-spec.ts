import request from 'supertest';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, signInAsMember, type Session, type SmsTestApp } from '../support/auth-helpers';
import { createContent, createProject, setUpContentTeam, type ContentTeam } from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { WebhookReceiver } from '../support/webhook-receiver';

interface Notification {
  id: string;
  type: string;
  organizationId: string;
  data: Record<string, unknown>;
  readAt: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Orders threshold events by metric, then threshold (80 before 100). */
const byThreshold = (a: { data: Record<string, unknown> }, b: { data: Record<string, unknown> }) =>
  String(a.data.metric).localeCompare(String(b.data.metric)) || Number(a.data.threshold) - Number(b.data.threshold);

/**
 * Usage alerts through HTTP: real generations against the fake OpenAI cross 80 % and 100 % of a limit
 * (the organization's, a member's, a project's),
 * several at once, and each threshold of each limit reaches each ADMIN once in the app and once by
 * SMS (fake Kavenegar), the organization's endpoint once, and the member concerned once in the app.
 */
describe('Usage threshold alerts (HTTP, fake OpenAI, fake Kavenegar, real queues)', () => {
  let t: SmsTestApp;
  let openai: FakeOpenAiServer;
  const receiver = new WebhookReceiver();
  /** The usage.threshold_reached deliveries to an endpoint's path: its path, webhook-id and data. */
  const thresholdsAt = (path: string) =>
    receiver
      .at(path)
      .filter((item) => item.json.type === 'usage.threshold_reached')
      .map((item) => ({ path: item.path, id: String(item.headers['webhook-id']), data: item.json.data }));

  beforeAll(async () => {
    await receiver.start();
    openai = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({
      APP_ROLE: 'all',
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      AI_CONCURRENCY: '4',
    });
    // Every call reports 10 000 prompt tokens and 10 completion tokens, far beyond its small
    // reservation: each generation alone takes the limits below to 100 %.
    openai.setPromptTokens(10_000);
    openai.respondWith(Array.from({ length: 10 }, (_, i) => `واژه${i}`).join(' '));
    // Calls in flight together, so their settles (and the thresholds they reach) happen at the same time.
    openai.setLatency(300);
  });

  afterAll(async () => {
    await t?.close();
    await openai?.stop();
    await receiver.stop();
  });

  const http = () => request(t.server);
  const inbox = async (as: Session) => {
    const response = await http().get(`${API}/me/notifications?limit=100`).set(bearer(as));
    expect(response.status).toBe(200);
    return (response.body as { items: Notification[] }).items.filter((n) => n.type === 'usage.threshold_reached');
  };
  const smsTo = (who: Session) => t.fake.texts.filter((text) => who.user.phone.endsWith(text.receptor.slice(1)));

  /** A team with a second ADMIN, a webhook endpoint for thresholds at `path`, and a project. */
  async function team(path: string) {
    const members = await setUpContentTeam(t);
    const secondAdmin = await signInAsMember(t, members.admin, members.org.id, 'ADMIN');
    const hook = await http()
      .post(`${API}/organizations/${members.org.id}/webhooks`)
      .set(bearer(members.admin))
      .send({ url: `${receiver.url}${path}`, events: ['usage.threshold_reached'] });
    expect(hook.status).toBe(201);
    const projectId = (await createProject(t, members.admin, members.workspaceId)).id;
    return { ...members, secondAdmin, projectId };
  }

  async function setLimits(members: ContentTeam, limits: Record<string, unknown>) {
    await http()
      .put(`${API}/organizations/${members.org.id}/usage/limits`)
      .set(bearer(members.admin))
      .send({ monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null, ...limits })
      .expect(200);
  }

  /** Starts `count` generations at once (all admitted: their worst cases are small) and waits for all to end in REVIEW. */
  async function generateAtOnce(as: Session, projectId: string, count: number) {
    const contents = await Promise.all(
      Array.from({ length: count }, () => createContent(t, as, projectId, { prompt: 'یک متن بنویس', maxTokens: 20 })),
    );
    const started = await Promise.all(
      contents.map((content) => http().post(`${API}/contents/${content.id}/generate`).set(bearer(as))),
    );
    expect(started.map((response) => response.status)).toEqual(contents.map(() => 202));
    for (const content of contents)
      await eventually(
        `content ${content.id} in REVIEW`,
        async () => {
          const body = (await http().get(`${API}/contents/${content.id}`).set(bearer(as))).body as { status: string };
          return body.status === 'REVIEW' ? body : undefined;
        },
        30_000,
        50,
      );
  }

  /** Waits until `check` sees what is expected, then a little longer (past the outbox poll), and checks again: nothing more arrives. */
  async function settledOn<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    await eventually(what, check, 30_000, 100);
    await sleep(2_500);
    const again = await check();
    if (again === undefined) throw new Error(`${what}: more arrived after it was complete`);
    return again;
  }

  it('tells each ADMIN once per threshold of each organization limit (in the app, by SMS) and the endpoint once, however many generations cross it at once', async () => {
    const members = await team('/organization');
    await setLimits(members, { monthlyTokenLimit: 10_000, monthlyCostLimitUsd: '0.004000' });

    await generateAtOnce(members.editor, members.projectId, 4);

    // Two limits (tokens, cost) × two thresholds (80, 100): four crossings, each announced once.
    const deliveries = await settledOn('4 webhook deliveries', () =>
      Promise.resolve(thresholdsAt('/organization').length >= 4 ? thresholdsAt('/organization') : undefined),
    );
    expect(deliveries).toHaveLength(4);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(4);
    expect(deliveries.map((d) => d.data).sort((a, b) => byThreshold({ data: a }, { data: b }))).toEqual(
      [
        ['cost', 80, '0.004000'],
        ['cost', 100, '0.004000'],
        ['tokens', 80, 10_000],
        ['tokens', 100, 10_000],
      ].map(([metric, threshold, limitValue]) =>
        expect.objectContaining({
          organizationId: members.org.id,
          limit: 'organization',
          metric,
          setting: metric === 'tokens' ? 'monthlyTokenLimit' : 'monthlyCostLimitUsd',
          threshold,
          limitValue,
          userId: null,
          projectId: null,
          period: { start: expect.any(String), end: expect.any(String) },
        }),
      ),
    );

    for (const admin of [members.admin, members.secondAdmin]) {
      const notified = await settledOn('4 notifications', async () => {
        const items = await inbox(admin);
        return items.length >= 4 ? items : undefined;
      });
      expect(notified).toHaveLength(4);
      // The in-app notification is the event the endpoint received.
      expect(notified.map((n) => n.data).sort((a, b) => byThreshold({ data: a }, { data: b }))).toEqual(
        deliveries.map((d) => d.data).sort((a, b) => byThreshold({ data: a }, { data: b })),
      );
      const texts = await settledOn('4 SMS alerts', () => {
        const sent = smsTo(admin);
        return Promise.resolve(sent.length >= 4 ? sent : undefined);
      });
      expect(texts.map((text) => text.message).sort()).toEqual(
        [
          'کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ سازمان رسید.',
          'کانتکسور: مصرف به ۱۰۰٪ سقف توکن ماهانهٔ سازمان رسید.',
          'کانتکسور: مصرف به ۸۰٪ سقف هزینهٔ ماهانهٔ سازمان رسید.',
          'کانتکسور: مصرف به ۱۰۰٪ سقف هزینهٔ ماهانهٔ سازمان رسید.',
        ].sort(),
      );
    }
    // The member who generated is not an ADMIN, and it was not their own limit: nothing for them, nor the VIEWER.
    expect(await inbox(members.editor)).toEqual([]);
    expect(await inbox(members.viewer)).toEqual([]);
    expect(smsTo(members.editor)).toEqual([]);

    // Used beyond the limit now: the next generation is refused, and nothing is announced again.
    const another = await createContent(t, members.editor, members.projectId, { maxTokens: 20 });
    expect((await http().post(`${API}/contents/${another.id}/generate`).set(bearer(members.editor))).status).toBe(402);
    await sleep(1_500);
    expect(thresholdsAt('/organization')).toHaveLength(4);
  });

  it("tells each ADMIN once per threshold of a project's own limits (in the app, by SMS) and the endpoint once, naming the project", async () => {
    const members = await team('/project');
    await http()
      .put(`${API}/projects/${members.projectId}/usage/limits`)
      .set(bearer(members.admin))
      .send({ monthlyTokenLimit: 10_000, monthlyCostLimitUsd: '0.004000' })
      .expect(200);

    await generateAtOnce(members.editor, members.projectId, 4);

    const deliveries = await settledOn('4 webhook deliveries', () =>
      Promise.resolve(thresholdsAt('/project').length >= 4 ? thresholdsAt('/project') : undefined),
    );
    expect(deliveries).toHaveLength(4);
    expect(deliveries.map((d) => d.data).sort((a, b) => byThreshold({ data: a }, { data: b }))).toEqual(
      [
        ['cost', 80, '0.004000'],
        ['cost', 100, '0.004000'],
        ['tokens', 80, 10_000],
        ['tokens', 100, 10_000],
      ].map(([metric, threshold, limitValue]) =>
        expect.objectContaining({
          organizationId: members.org.id,
          limit: 'project',
          metric,
          setting: metric === 'tokens' ? 'monthlyTokenLimit' : 'monthlyCostLimitUsd',
          scope: `project:${members.projectId}:${String(metric)}`,
          threshold,
          limitValue,
          userId: null,
          projectId: members.projectId,
        }),
      ),
    );
    for (const admin of [members.admin, members.secondAdmin]) {
      const notified = await settledOn('4 notifications', async () => {
        const items = await inbox(admin);
        return items.length >= 4 ? items : undefined;
      });
      expect(notified).toHaveLength(4);
      expect(notified.every((n) => n.data.limit === 'project' && n.data.projectId === members.projectId)).toBe(true);
      const texts = await settledOn('4 SMS alerts', () => {
        const sent = smsTo(admin);
        return Promise.resolve(sent.length >= 4 ? sent : undefined);
      });
      expect(texts.map((text) => text.message).sort()).toEqual(
        [
          'کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ یک پروژه رسید.',
          'کانتکسور: مصرف به ۱۰۰٪ سقف توکن ماهانهٔ یک پروژه رسید.',
          'کانتکسور: مصرف به ۸۰٪ سقف هزینهٔ ماهانهٔ یک پروژه رسید.',
          'کانتکسور: مصرف به ۱۰۰٪ سقف هزینهٔ ماهانهٔ یک پروژه رسید.',
        ].sort(),
      );
    }
    expect(await inbox(members.editor)).toEqual([]);
    expect(smsTo(members.editor)).toEqual([]);
  });

  it("tells the member concerned of their own limit's thresholds in the app, and each ADMIN once in the app and by SMS, with the endpoint once", async () => {
    const members = await team('/member');
    await setLimits(members, { perUserMonthlyTokenLimit: 10_000 });

    await generateAtOnce(members.editor, members.projectId, 4);

    const deliveries = await settledOn('2 webhook deliveries', () =>
      Promise.resolve(thresholdsAt('/member').length >= 2 ? thresholdsAt('/member') : undefined),
    );
    expect(deliveries.map((d) => d.data).sort((a, b) => byThreshold({ data: a }, { data: b }))).toEqual(
      [80, 100].map((threshold) =>
        expect.objectContaining({
          organizationId: members.org.id,
          limit: 'user',
          metric: 'tokens',
          setting: 'perUserMonthlyTokenLimit',
          userId: members.editor.user.id,
          projectId: null,
          scope: `user:${members.editor.user.id}:tokens`,
          threshold,
          limitValue: 10_000,
        }),
      ),
    );

    for (const who of [members.admin, members.secondAdmin, members.editor]) {
      const notified = await settledOn('2 notifications', async () => {
        const items = await inbox(who);
        return items.length >= 2 ? items : undefined;
      });
      expect(notified.map((n) => Number(n.data.threshold)).sort((a, b) => a - b)).toEqual([80, 100]);
      expect(notified.every((n) => n.data.limit === 'user' && n.data.userId === members.editor.user.id)).toBe(true);
    }
    for (const admin of [members.admin, members.secondAdmin]) {
      const texts = await settledOn('2 SMS alerts', () => {
        const sent = smsTo(admin);
        return Promise.resolve(sent.length >= 2 ? sent : undefined);
      });
      expect(texts.map((text) => text.message).sort()).toEqual(
        [
          'کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ یک کاربر رسید.',
          'کانتکسور: مصرف به ۱۰۰٪ سقف توکن ماهانهٔ یک کاربر رسید.',
        ].sort(),
      );
    }
    // The member concerned is told in the app only; the VIEWER not at all.
    expect(smsTo(members.editor)).toEqual([]);
    expect(await inbox(members.viewer)).toEqual([]);
  });
});
