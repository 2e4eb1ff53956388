import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, signInAsMember, type Session, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

interface Notification {
  id: string;
  type: string;
  organizationId: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

describe('In-app notifications and SMS alerts (HTTP, real queue, fake Kavenegar)', () => {
  let t: SmsTestApp;
  let openai: FakeOpenAiServer;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    openai = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({ APP_ROLE: 'all', OPENAI_BASE_URL: openai.baseUrl, OPENAI_API_KEY: 'sk-test' });
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await openai?.stop();
  });

  const http = () => request(t.server);
  const inbox = async (as: Session) => {
    const response = await http().get(`${API}/me/notifications`).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as { items: Notification[]; unread: number };
  };

  it('tells the author that their content was approved; they read it, nobody else sees it or can mark it', async () => {
    const content = await createContent(t, team.editor, projectId);
    await generate(t, team.org.id, content.id, team.editor.user.id);
    const before = (await inbox(team.editor)).unread;

    expect(
      (await http().post(`${API}/contents/${content.id}/approve`).set(bearer(team.admin)).send({ version: 1 })).status,
    ).toBe(200);

    const mine = await inbox(team.editor);
    expect(mine.unread).toBe(before + 1);
    const approved = mine.items[0]!;
    expect(approved).toEqual({
      id: expect.any(String),
      type: 'content.approved',
      organizationId: team.org.id,
      data: expect.objectContaining({ contentId: content.id, status: 'APPROVED', createdBy: team.editor.user.id }),
      createdAt: expect.any(String),
      readAt: null,
    });
    expect((await inbox(team.viewer)).items.map((n) => n.id)).not.toContain(approved.id);
    expectError(
      await http().post(`${API}/me/notifications/${approved.id}/read`).set(bearer(team.viewer)),
      404,
      'NOT_FOUND',
    );

    const read = await http().post(`${API}/me/notifications/${approved.id}/read`).set(bearer(team.editor));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await http().post(`${API}/me/notifications/${approved.id}/read`).set(bearer(team.editor));
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(team.editor)).unread).toBe(before);
  });

  it('answers 404 for an id that is not a notification, and refuses a bad limit', async () => {
    expectError(
      await http().post(`${API}/me/notifications/${randomUUID()}/read`).set(bearer(team.editor)),
      404,
      'NOT_FOUND',
    );
    expectError(await http().post(`${API}/me/notifications/not-an-id/read`).set(bearer(team.editor)), 404, 'NOT_FOUND');
    expectError(await http().get(`${API}/me/notifications?limit=0`).set(bearer(team.editor)), 400, 'VALIDATION_FAILED');
    expect(await inbox(team.outsider)).toEqual({ items: [], unread: 0 });
  });

  it('tells every ADMIN, in the app and by SMS through Kavenegar sms/send, once, when a limit crosses 80 %', async () => {
    const secondAdmin = await signInAsMember(t, team.admin, team.org.id, 'ADMIN');
    const before = await http().get(`${API}/organizations/${team.org.id}/usage/limits`).set(bearer(team.admin));
    const used = (before.body as { used: { tokens: number } }).used.tokens;
    await http()
      .put(`${API}/organizations/${team.org.id}/usage/limits`)
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit: used + 120, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null })
      .expect(200);
    openai.respondWith(Array.from({ length: 100 }, (_, i) => `واژه${i}`).join(' '));
    const content = await createContent(t, team.editor, projectId, { prompt: 'یک متن بنویس', maxTokens: 100 });

    expect((await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor))).status).toBe(202);

    for (const admin of [team.admin, secondAdmin]) {
      const notified = await eventually(
        'a threshold notification',
        async () => (await inbox(admin)).items.find((n) => n.type === 'usage.threshold_reached'),
        20_000,
        50,
      );
      expect(notified.data).toMatchObject({ scope: 'organization:tokens', threshold: 80 });
      const texts = await eventually(
        'an SMS alert',
        async () => {
          const sent = t.fake.texts.filter((text) => admin.user.phone.endsWith(text.receptor.slice(1)));
          return sent.length ? sent : undefined;
        },
        20_000,
        50,
      );
      expect(texts).toHaveLength(1);
      expect(texts[0]!.message).toBe('کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ سازمان رسید.');
    }
    expect((await inbox(team.editor)).items.some((n) => n.type === 'usage.threshold_reached')).toBe(false);
    expect(t.fake.messages.some((m) => m.token.includes('۸۰'))).toBe(false);
  });
});
