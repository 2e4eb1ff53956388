import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

interface PiiReport {
  found: boolean;
  findings: { type: string; start: number; end: number }[];
}

type ContentWithPii = ContentBody & { pii: PiiReport; promptPii: PiiReport };

const SHEBA = 'IR820540102680020817909002';

describe('Personal data: POST /pii/scan, findings on contents, and the content policy (HTTP)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test', APP_ROLE: 'all' });
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = () => request(t.server);
  const values = (text: string, report: PiiReport) =>
    report.findings.map((finding) => [finding.type, text.slice(finding.start, finding.end)]);
  const contentOf = async (id: string) =>
    (await http().get(`${API}/contents/${id}`).set(bearer(team.viewer))).body as ContentWithPii;
  const setPolicy = (blockPromptsWithPii: boolean, as = team.admin) =>
    http().put(`${API}/organizations/${team.org.id}/content-policy`).set(bearer(as)).send({ blockPromptsWithPii });

  describe('POST /pii/scan', () => {
    it('finds mobiles in Persian digits, Sheba numbers and emails in mixed text, with UTF-16 offsets', async () => {
      const text = `سلام 👋 با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید؛ واریز به ${SHEBA} — or write to sara@example.com`;

      const response = await http().post(`${API}/pii/scan`).set(bearer(team.viewer)).send({ text });

      expect(response.status).toBe(200);
      expect(response.body.found).toBe(true);
      expect(values(text, response.body as PiiReport)).toEqual([
        ['IR_PHONE', '۰۹۱۲ ۳۴۵ ۶۷۸۹'],
        ['IBAN_IR', SHEBA],
        ['EMAIL', 'sara@example.com'],
      ]);
    });

    it('answers found: false for text without personal data, such as prices and Jalali dates', async () => {
      const response = await http()
        .post(`${API}/pii/scan`)
        .set(bearer(team.viewer))
        .send({ text: 'قیمت ۱۲۰٬۰۰۰٬۰۰۰ ریال تا ۱۴۰۳/۰۹/۳۰' });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ found: false, findings: [] });
    });

    it('is open to any signed-in user, even one in no organization', async () => {
      const response = await http()
        .post(`${API}/pii/scan`)
        .set(bearer(team.outsider))
        .send({ text: 'کد ملی 0079425194' });

      expect(response.status).toBe(200);
      expect(response.body.findings).toEqual([{ type: 'IR_NATIONAL_ID', start: 7, end: 17 }]);
    });

    it('refuses a missing, non-string or too long text with 400 VALIDATION_FAILED, and an anonymous caller with 401', async () => {
      expectError(await http().post(`${API}/pii/scan`).set(bearer(team.viewer)).send({}), 400, 'VALIDATION_FAILED');
      expectError(
        await http().post(`${API}/pii/scan`).set(bearer(team.viewer)).send({ text: 42 }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await http()
          .post(`${API}/pii/scan`)
          .set(bearer(team.viewer))
          .send({ text: 'x'.repeat(200_001) }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await http().post(`${API}/pii/scan`).set(bearer(team.viewer)).send({ text: 'a', extra: true }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await http().post(`${API}/pii/scan`).send({ text: 'سلام' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('findings on contents', () => {
    it('warns about personal data in the prompt when the content is created, and updates it when the prompt is edited', async () => {
      const prompt = 'برای مشتری با ایمیل ali@example.com یک پیام تشکر بنویس';
      const content = (await createContent(t, team.editor, projectId, { prompt })) as ContentWithPii;

      expect(values(prompt, content.promptPii)).toEqual([['EMAIL', 'ali@example.com']]);
      expect(content.pii).toEqual({ found: false, findings: [] });

      const edited = await http()
        .patch(`${API}/contents/${content.id}`)
        .set(bearer(team.editor))
        .send({ prompt: 'یک پیام تشکر بنویس' });
      expect(edited.status).toBe(200);
      expect((edited.body as ContentWithPii).promptPii).toEqual({ found: false, findings: [] });
    });

    it('stores the findings of a hand-edited body, visible on GET with offsets into the body', async () => {
      const content = await createContent(t, team.editor, projectId);
      const body = 'برای هماهنگی با شماره ٠٩١٢٣٤٥٦٧٨٩ تماس بگیرید. کد پستی ۱۵۹۸۷۶۵۴۳۲ است.';

      const edited = await http().patch(`${API}/contents/${content.id}`).set(bearer(team.editor)).send({ body });

      expect(edited.status).toBe(200);
      const stored = await contentOf(content.id);
      expect(stored.pii.found).toBe(true);
      expect(values(body, stored.pii)).toEqual([
        ['IR_PHONE', '٠٩١٢٣٤٥٦٧٨٩'],
        ['IR_POSTAL_CODE', '۱۵۹۸۷۶۵۴۳۲'],
      ]);
    });

    it('answers a manual edit with the findings in its new body, a national ID and a mobile in Persian digits', async () => {
      const content = await createContent(t, team.editor, projectId);
      const body = 'کد ملی مشتری ۰۰۷۹۴۲۵۱۹۴ است و با موبایل ۰۹۱۲۳۴۵۶۷۸۹ در دسترس است.';

      const edited = await http().patch(`${API}/contents/${content.id}`).set(bearer(team.editor)).send({ body });

      expect(edited.status).toBe(200);
      const answered = edited.body as ContentWithPii;
      expect(answered.pii.found).toBe(true);
      expect(values(body, answered.pii)).toEqual([
        ['IR_NATIONAL_ID', '۰۰۷۹۴۲۵۱۹۴'],
        ['IR_PHONE', '۰۹۱۲۳۴۵۶۷۸۹'],
      ]);
      expect(answered.pii).toEqual((await contentOf(content.id)).pii);
    });

    it('stores the findings of a generated body', async () => {
      const reply = `شماره حساب شبا ${SHEBA} و موبایل +98 912 345 6789 را در فاکتور درج کنید.`;
      fake.respondWith(reply);
      const content = await createContent(t, team.editor, projectId);

      expect((await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor))).status).toBe(202);
      const done = await eventually(
        'the generated content',
        async () => {
          const current = await contentOf(content.id);
          return current.status === 'REVIEW' ? current : undefined;
        },
        15_000,
        100,
      );

      expect(done.body).toBe(reply);
      expect(values(reply, done.pii)).toEqual([
        ['IBAN_IR', SHEBA],
        ['IR_PHONE', '+98 912 345 6789'],
      ]);
    });
  });

  describe('the content policy', () => {
    it('starts with prompts allowed, is readable by any member and set by ADMINs only', async () => {
      const initial = await http().get(`${API}/organizations/${team.org.id}/content-policy`).set(bearer(team.viewer));
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({
        organizationId: team.org.id,
        blockPromptsWithPii: false,
        redactPiiInExports: false,
        allowSelfApproval: false,
        maxCostPerGenerationUsd: null,
        allowedModels: null,
        updatedAt: null,
        updatedBy: null,
      });

      expectError(await setPolicy(true, team.editor), 403, 'FORBIDDEN');
      expectError(await setPolicy(true, team.outsider), 404, 'NOT_FOUND');
      expectError(
        await http().get(`${API}/organizations/${team.org.id}/content-policy`).set(bearer(team.outsider)),
        404,
        'NOT_FOUND',
      );
      expectError(
        await http()
          .put(`${API}/organizations/${team.org.id}/content-policy`)
          .set(bearer(team.admin))
          .send({ blockPromptsWithPii: 'yes' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('when blocking, refuses to generate from a prompt with personal data (422, nothing changes) and allows it again when lifted', async () => {
      const prompt = 'یک پیامک تبلیغاتی برای ۰۹۱۲۱۲۳۴۵۶۷ بنویس';
      const content = await createContent(t, team.editor, projectId, { prompt });
      const set = await setPolicy(true);
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ blockPromptsWithPii: true, updatedBy: team.admin.user.id });

      const refused = await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor));

      expectError(refused, 422, 'PROMPT_CONTAINS_PII');
      const start = prompt.indexOf('۰۹۱۲');
      expect(refused.body.details).toEqual({ findings: [{ type: 'IR_PHONE', start, end: start + 11 }] });
      expect(JSON.stringify(refused.body)).not.toContain('۰۹۱۲۱۲۳۴۵۶۷');
      expect((await contentOf(content.id)).status).toBe('DRAFT');
      expect(fake.requestCount).toBe(0);
      const reservations: { n: number }[] = await t.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'`, [
          team.org.id,
        ]);
      expect(reservations[0].n).toBe(0);

      expect((await setPolicy(false)).status).toBe(200);
      expect((await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.editor))).status).toBe(202);
    });

    it('audits each real change of the policy, and not a PUT that changes nothing', async () => {
      const policyChanges = async () => {
        const log = await http().get(`${API}/organizations/${team.org.id}/audit-log?limit=100`).set(bearer(team.admin));
        return (log.body.items as { action: string; metadata: unknown }[]).filter(
          (entry) => entry.action === 'content.policy_changed',
        );
      };
      expect((await setPolicy(false)).status).toBe(200);
      const before = (await policyChanges()).length;

      await setPolicy(true);
      await setPolicy(true);
      await setPolicy(false);

      const after = await policyChanges();
      expect(after.length - before).toBe(2);
      expect(after[0]).toMatchObject({
        metadata: { from: { blockPromptsWithPii: true }, to: { blockPromptsWithPii: false } },
      });
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await http().get('/docs-json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/pii/scan', '/api/v1/organizations/{orgId}/content-policy']),
    );
  });
});
