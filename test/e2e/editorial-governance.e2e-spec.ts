import { createHash } from 'node:crypto';
import request from 'supertest';
import { AI_BODY } from '../factories/content.factory';
import { API, bearer, bootSmsTestApp, signInAsMember, type Session, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  startGeneration,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';

/** The model the test helper `generate` says wrote the text. */
const AI_MODEL = 'gpt-4.1-mini-2025-04-14';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Version {
  number: number;
  source: string;
  body: string;
  createdBy: string;
  restoredFrom: number | null;
  approvedVersion: number | null;
  bodySha256: string | null;
}

const binary = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
};

describe('Editorial governance: approval pinned to the version read, no self-approval, reject categories, restore (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  /** A second ADMIN of the team's organization. */
  let secondAdmin: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    secondAdmin = await signInAsMember(t, team.admin, team.org.id, 'ADMIN');
    projectId = (await createProject(t, team.editor, team.workspaceId, 'بازبینی')).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const approve = (id: string, body: Record<string, unknown>, as: Session = team.admin) =>
    http().post(`${API}/contents/${id}/approve`).set(bearer(as)).send(body);
  const reject = (id: string, body: Record<string, unknown>, as: Session = team.admin) =>
    http().post(`${API}/contents/${id}/reject`).set(bearer(as)).send(body);
  const restore = (id: string, number: number, as: Session = team.editor) =>
    http().post(`${API}/contents/${id}/versions/${number}/restore`).set(bearer(as)).send();
  const contentOf = async (id: string) =>
    (await http().get(`${API}/contents/${id}`).set(bearer(team.viewer))).body as ContentBody;
  const versionOf = async (id: string, number: number) =>
    (await http().get(`${API}/contents/${id}/versions/${number}`).set(bearer(team.viewer))).body as Version;
  const edit = (id: string, body: string, as: Session = team.editor) =>
    http().patch(`${API}/contents/${id}`).set(bearer(as)).send({ body });
  const setPolicy = (policy: Record<string, unknown>) =>
    http()
      .put(`${API}/organizations/${team.org.id}/content-policy`)
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, ...policy });
  /** In REVIEW with version 1 generated at the request of `by`. */
  const inReview = async (by: Session = team.editor) => {
    const content = await createContent(t, by, projectId);
    await generate(t, team.org.id, content.id, by.user.id);
    return content.id;
  };
  const auditEntries = async () =>
    (
      (await http().get(`${API}/organizations/${team.org.id}/audit-log`).query({ limit: 100 }).set(bearer(team.admin)))
        .body as { items: { action: string; actorId: string; targetId: string; metadata: Record<string, unknown> }[] }
    ).items;

  describe('approval pinned to the version read', () => {
    it('needs the version: 400 VALIDATION_FAILED naming it', async () => {
      const id = await inReview();
      const response = await approve(id, { comment: 'خوب است' });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(response.body.details)).toContain('version');
      expectError(await approve(id, { version: 'یک' }), 400, 'VALIDATION_FAILED');
      expectError(await approve(id, { version: 0 }), 400, 'VALIDATION_FAILED');
      expect((await contentOf(id)).status).toBe('REVIEW');
    });

    it('answers 409 CONTENT_VERSION_STALE with details.currentVersion when a newer version exists, or the number is beyond it', async () => {
      const id = await inReview();
      expect((await edit(id, 'متن بازنویسی‌شده پس از خواندن داور')).status).toBe(200);

      const stale = await approve(id, { version: 1 });
      expectError(stale, 409, 'CONTENT_VERSION_STALE');
      expect(stale.body.details).toEqual({ version: 1, currentVersion: 2 });

      const beyond = await approve(id, { version: 3 });
      expectError(beyond, 409, 'CONTENT_VERSION_STALE');
      expect(beyond.body.details).toMatchObject({ currentVersion: 2 });

      expect(await contentOf(id)).toMatchObject({ status: 'REVIEW', currentVersion: 2 });
      expect((await auditEntries()).filter((entry) => entry.targetId === id)).toEqual([]);
    });

    it('records the number read and the SHA-256 of its body on the approval version and the last review', async () => {
      const id = await inReview();
      const edited = 'گوشی آوا ۵ — متن نهایی با نیم‌فاصله و ایموجی 📱';
      await edit(id, edited);

      const response = await approve(id, { version: 2, comment: 'منتشر شود' });

      expect(response.status).toBe(200);
      const read = await versionOf(id, 2);
      expect(read.body).toBe(edited);
      expect(response.body).toMatchObject({
        status: 'APPROVED',
        currentVersion: 3,
        lastReview: {
          decision: 'APPROVED',
          by: team.admin.user.id,
          version: 2,
          bodySha256: sha256(read.body),
          note: 'منتشر شود',
          category: null,
        },
      });
      expect(await versionOf(id, 3)).toMatchObject({
        source: 'approval',
        body: edited,
        createdBy: team.admin.user.id,
        approvedVersion: 2,
        bodySha256: sha256(edited),
        restoredFrom: null,
      });
      expect(await auditEntries()).toContainEqual(
        expect.objectContaining({
          action: 'content.approved',
          targetId: id,
          metadata: expect.objectContaining({ approvedVersion: 2, bodySha256: sha256(edited) }),
        }),
      );
    });

    it('lets the reject name the version read too: 409 CONTENT_VERSION_STALE when it is not the current one', async () => {
      const id = await inReview();
      await edit(id, 'نسخهٔ دوم');
      const stale = await reject(id, { reason: 'لحن', version: 1 });
      expectError(stale, 409, 'CONTENT_VERSION_STALE');
      expect(stale.body.details).toMatchObject({ currentVersion: 2 });
      expect((await reject(id, { reason: 'لحن', version: 2 })).status).toBe(200);
    });
  });

  describe('no self-approval', () => {
    it('is off by default in the content policy, which reads and writes allowSelfApproval', async () => {
      const policy = await http().get(`${API}/organizations/${team.org.id}/content-policy`).set(bearer(team.viewer));
      expect(policy.status).toBe(200);
      expect(policy.body).toMatchObject({ allowSelfApproval: false });
      expectError(
        await http()
          .put(`${API}/organizations/${team.org.id}/content-policy`)
          .set(bearer(team.admin))
          .send({ blockPromptsWithPii: false, allowSelfApproval: 'yes' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('refuses the ADMIN who requested the generation with 403 SELF_APPROVAL_FORBIDDEN, audited; another ADMIN may approve', async () => {
      const id = await inReview(team.admin);

      const refused = await approve(id, { version: 1 });

      expectError(refused, 403, 'SELF_APPROVAL_FORBIDDEN');
      expect((await contentOf(id)).status).toBe('REVIEW');
      expect(await auditEntries()).toContainEqual(
        expect.objectContaining({
          action: 'content.self_approval_refused',
          actorId: team.admin.user.id,
          targetId: id,
          metadata: expect.objectContaining({ version: 1 }),
        }),
      );
      expect((await approve(id, { version: 1 }, secondAdmin)).status).toBe(200);
    });

    it('refuses the ADMIN who wrote the version by hand, even on a content someone else created', async () => {
      const id = await inReview(team.editor);
      await edit(id, 'ویرایش دستی مدیر', team.admin);
      expectError(await approve(id, { version: 2 }), 403, 'SELF_APPROVAL_FORBIDDEN');
      expect((await approve(id, { version: 2 }, secondAdmin)).status).toBe(200);
    });

    it('lets the author approve once the policy allows self-approval, and refuses again once it is off', async () => {
      const allowed = await setPolicy({ allowSelfApproval: true });
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ allowSelfApproval: true, updatedBy: team.admin.user.id });
      expect(await auditEntries()).toContainEqual(
        expect.objectContaining({
          action: 'content.policy_changed',
          metadata: { from: { allowSelfApproval: false }, to: { allowSelfApproval: true } },
        }),
      );
      // A PUT that leaves the setting out keeps it.
      expect((await setPolicy({})).body).toMatchObject({ allowSelfApproval: true });

      const own = await inReview(team.admin);
      expect((await approve(own, { version: 1 })).status).toBe(200);

      await setPolicy({ allowSelfApproval: false });
      const again = await inReview(team.admin);
      expectError(await approve(again, { version: 1 }), 403, 'SELF_APPROVAL_FORBIDDEN');
    });
  });

  describe('reject with a category', () => {
    it('keeps the category, OTHER when none is given, and refuses an unknown one', async () => {
      const pii = await inReview();
      const rejected = await reject(pii, { reason: 'شمارهٔ موبایل مشتری در متن است', category: 'PII' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'REJECTED',
        lastReview: {
          decision: 'REJECTED',
          category: 'PII',
          version: 1,
          bodySha256: null,
          note: 'شمارهٔ موبایل مشتری در متن است',
        },
      });
      expect(await auditEntries()).toContainEqual(
        expect.objectContaining({
          action: 'content.rejected',
          targetId: pii,
          metadata: expect.objectContaining({ category: 'PII' }),
        }),
      );

      const plain = await inReview();
      expect((await reject(plain, { reason: 'دوباره بنویسید' })).body.lastReview).toMatchObject({ category: 'OTHER' });

      const unknown = await inReview();
      expectError(await reject(unknown, { reason: 'x', category: 'GRAMMAR' }), 400, 'VALIDATION_FAILED');
      expect((await contentOf(unknown)).status).toBe('REVIEW');
    });
  });

  describe('restore', () => {
    const expectRestored = async (id: string, from: number, expectedBody: string, model: string | null = AI_MODEL) => {
      const before = await contentOf(id);
      const response = await restore(id, from);
      expect(response.status).toBe(201);
      const number = (before.currentVersion ?? 0) + 1;
      expect(response.body).toEqual({
        number,
        source: 'restore',
        body: expectedBody,
        model,
        usage: null,
        createdBy: team.editor.user.id,
        createdAt: expect.any(String),
        restoredFrom: from,
        approvedVersion: null,
        bodySha256: null,
      });
      expect(await contentOf(id)).toMatchObject({ status: 'REVIEW', body: expectedBody, currentVersion: number });
      expect(await versionOf(id, number)).toEqual(response.body);
    };

    it('restores from DRAFT: a new "restore" version, the content goes to REVIEW', async () => {
      const draft = await createContent(t, team.editor, projectId);
      await edit(draft.id, 'پیش‌نویس اول');
      await edit(draft.id, 'پیش‌نویس دوم');
      expect((await contentOf(draft.id)).status).toBe('DRAFT');
      await expectRestored(draft.id, 1, 'پیش‌نویس اول', null);
    });

    it('restores from REVIEW', async () => {
      const id = await inReview();
      await edit(id, 'ویرایشی که پسندیده نشد');
      await expectRestored(id, 1, AI_BODY);
      expect((await versionOf(id, 3)).restoredFrom).toBe(1);
    });

    it('restores from REJECTED, and the restorer is the author the self-approval rule looks at', async () => {
      const id = await inReview();
      await reject(id, { reason: 'لحن', category: 'TONE' });
      await expectRestored(id, 1, AI_BODY);

      const byAdmin = await inReview();
      await reject(byAdmin, { reason: 'لحن' });
      expect((await restore(byAdmin, 1, team.admin)).status).toBe(201);
      expectError(await approve(byAdmin, { version: 2 }), 403, 'SELF_APPROVAL_FORBIDDEN');
      expect((await approve(byAdmin, { version: 2 }, secondAdmin)).status).toBe(200);
    });

    it('refuses APPROVED and IN_PROGRESS with 409 CONTENT_INVALID_TRANSITION, and an unknown number with 404', async () => {
      const approved = await inReview();
      expect((await approve(approved, { version: 1 })).status).toBe(200);
      expectError(await restore(approved, 1), 409, 'CONTENT_INVALID_TRANSITION');
      expect((await contentOf(approved)).status).toBe('APPROVED');

      const running = await inReview();
      await startGeneration(t, team.org.id, running);
      expectError(await restore(running, 1), 409, 'CONTENT_INVALID_TRANSITION');
      expect((await contentOf(running)).status).toBe('IN_PROGRESS');

      const id = await inReview();
      expectError(await restore(id, 5), 404, 'NOT_FOUND');
      expectError(await restore(id, 0), 404, 'NOT_FOUND');
    });

    it('lists "restore" versions with restoredFrom, and null on the others', async () => {
      const id = await inReview();
      await edit(id, 'دوم');
      await restore(id, 1);
      const versions = (await http().get(`${API}/contents/${id}/versions`).set(bearer(team.viewer))).body as Version[];
      expect(versions.map((v) => [v.number, v.source, v.restoredFrom])).toEqual([
        [1, 'ai', null],
        [2, 'manual', null],
        [3, 'restore', 1],
      ]);
    });
  });

  describe('export', () => {
    it('shows who approved which version, when, and its hash, in the Markdown front matter and the JSON', async () => {
      const id = await inReview();
      const approved = await approve(id, { version: 1, comment: 'تأیید نهایی' }, secondAdmin);
      expect(approved.status).toBe(200);
      const at = (approved.body as { lastReview: { at: string } }).lastReview.at;

      const markdown = await http()
        .get(`${API}/contents/${id}/export?format=markdown`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);
      expect(markdown.status).toBe(200);
      expect(markdown.body as string).toContain(
        'approval:\n' +
          `  approvedBy: "${secondAdmin.user.id}"\n` +
          `  approvedAt: "${at}"\n` +
          '  approvedVersion: 1\n' +
          `  bodySha256: "${sha256(AI_BODY)}"\n` +
          '  comment: "تأیید نهایی"\n',
      );

      const json = await http().get(`${API}/contents/${id}/export?format=json`).set(bearer(team.viewer));
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({
        lastReview: {
          decision: 'APPROVED',
          by: secondAdmin.user.id,
          at,
          version: 1,
          bodySha256: sha256(AI_BODY),
        },
        versions: [
          { number: 1, source: 'ai', approvedVersion: null, bodySha256: null },
          {
            number: 2,
            source: 'approval',
            approvedVersion: 1,
            bodySha256: sha256(AI_BODY),
            createdBy: secondAdmin.user.id,
          },
        ],
      });
    });

    it('shows the category and the version of a rejection in the Markdown front matter', async () => {
      const id = await inReview();
      await reject(id, { reason: 'ادعای بی‌منبع', category: 'ACCURACY', version: 1 });
      const markdown = await http()
        .get(`${API}/contents/${id}/export?format=markdown`)
        .set(bearer(team.viewer))
        .buffer(true)
        .parse(binary);
      expect(markdown.body as string).toContain(
        '  rejectedVersion: 1\n  category: ACCURACY\n  reason: "ادعای بی‌منبع"\n',
      );
    });
  });
});
