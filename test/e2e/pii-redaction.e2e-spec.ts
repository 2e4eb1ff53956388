import request from 'supertest';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  generate,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';

interface Finding {
  type: string;
  start: number;
  end: number;
}
interface PiiReport {
  found: boolean;
  findings: Finding[];
}
type ExportedContent = ContentBody & {
  pii: PiiReport;
  promptPii: PiiReport;
  lastReview: { note: string | null } | null;
  versions: { number: number; body: string }[];
};

const NATIONAL_ID = '0079425194';
/** An Iranian mobile in Persian digits. */
const PHONE = '۰۹۱۲۳۴۵۶۷۸۹';
const SHEBA = 'IR820540102680020817909002';

/** Each text the content carries, and what a redacted export must make of it. */
const TITLE = [`پیام به ${PHONE}`, 'پیام به [شماره همراه]'] as const;
const PROMPT = ['برای ali@example.com یک پیام بنویس', 'برای [ایمیل] یک پیام بنویس'] as const;
const AI_TEXT = [
  `👋 سلام! کد ملی ${NATIONAL_ID} و موبایل ${PHONE}؛ شبا ${SHEBA}.\nقیمت: ۱۲٬۰۰۰٬۰۰۰ تومان 🎉`,
  '👋 سلام! کد ملی [کد ملی] و موبایل [شماره همراه]؛ شبا [شماره شبا].\nقیمت: ۱۲٬۰۰۰٬۰۰۰ تومان 🎉',
] as const;
const EN_TEXT = [
  'Call +98 912 345 6789 or write to sara@example.com, thanks!',
  'Call [mobile number] or write to [email], thanks!',
] as const;
const REASON = ['با sara@example.com هماهنگ کنید', 'با [ایمیل] هماهنگ کنید'] as const;
const VALUES = [PHONE, NATIONAL_ID, SHEBA, 'ali@example.com', 'sara@example.com', '+98 912 345 6789'];

const text = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
};

describe('Personal data: POST /pii/redact and redacted exports (HTTP)', () => {
  let t: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;
  let contentId: string;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.editor, team.workspaceId)).id;
    // A first version written by the model in Persian, a second by hand in English, then a rejection.
    contentId = (await createContent(t, team.editor, projectId, { title: TITLE[0], prompt: PROMPT[0] })).id;
    await generate(t, team.org.id, contentId, team.editor.user.id, AI_TEXT[0]);
    const edited = await request(t.server)
      .patch(`${API}/contents/${contentId}`)
      .set(bearer(team.editor))
      .send({ body: EN_TEXT[0] });
    expect(edited.status).toBe(200);
    const rejected = await request(t.server)
      .post(`${API}/contents/${contentId}/reject`)
      .set(bearer(team.admin))
      .send({ reason: REASON[0] });
    expect(rejected.status).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const download = (path: string) => http().get(`${API}${path}`).set(bearer(team.viewer)).buffer(true).parse(text);
  const setPolicy = (policy: Record<string, unknown>) =>
    http()
      .put(`${API}/organizations/${team.org.id}/content-policy`)
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, ...policy });
  const valuesIn = (original: string, findings: Finding[]) =>
    findings.map((finding) => [finding.type, original.slice(finding.start, finding.end)]);
  const masksIn = (redacted: string, report: PiiReport) =>
    report.findings.map((finding) => [finding.type, redacted.slice(finding.start, finding.end)]);

  /** The plain JSON export with each text replaced by its redacted form: what the redacted file must be, but for pii and promptPii. */
  const redactedFrom = (
    plain: ExportedContent,
    masks: Pick<ExportedContent, 'pii' | 'promptPii'>,
  ): ExportedContent => ({
    ...plain,
    title: TITLE[1],
    prompt: PROMPT[1],
    body: EN_TEXT[1],
    pii: masks.pii,
    promptPii: masks.promptPii,
    lastReview: plain.lastReview && { ...plain.lastReview, note: REASON[1] },
    versions: plain.versions.map((version) => ({
      ...version,
      body: ({ [AI_TEXT[0]]: AI_TEXT[1], [EN_TEXT[0]]: EN_TEXT[1] } as Record<string, string>)[version.body]!,
    })),
  });
  /** The plain Markdown export with each text replaced by its redacted form. */
  const redactedMarkdownFrom = (plain: string) =>
    plain.replace(TITLE[0], TITLE[1]).replace(REASON[0], REASON[1]).replace(EN_TEXT[0], EN_TEXT[1]);

  describe('POST /pii/redact', () => {
    it('masks each finding in Persian in a Persian text and keeps the rest as sent; findings point into the original', async () => {
      const original = `سلام 🌷 کد ملی ${NATIONAL_ID}\nموبایل: ${PHONE} — ایمیل sara@example.com 👋🏽`;

      const response = await http().post(`${API}/pii/redact`).set(bearer(team.viewer)).send({ text: original });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        text: 'سلام 🌷 کد ملی [کد ملی]\nموبایل: [شماره همراه] — ایمیل [ایمیل] 👋🏽',
        findings: expect.any(Array),
      });
      expect(valuesIn(original, (response.body as { findings: Finding[] }).findings)).toEqual([
        ['IR_NATIONAL_ID', NATIONAL_ID],
        ['IR_PHONE', PHONE],
        ['EMAIL', 'sara@example.com'],
      ]);
    });

    it('masks in English in an English text', async () => {
      const response = await http().post(`${API}/pii/redact`).set(bearer(team.viewer)).send({ text: EN_TEXT[0] });

      expect(response.status).toBe(200);
      expect(response.body.text).toBe(EN_TEXT[1]);
      expect(valuesIn(EN_TEXT[0], response.body.findings as Finding[])).toEqual([
        ['IR_PHONE', '+98 912 345 6789'],
        ['EMAIL', 'sara@example.com'],
      ]);
    });

    it('answers a text without personal data unchanged, to any signed-in user, even one in no organization', async () => {
      const plain = 'قیمت ۱۲۰٬۰۰۰٬۰۰۰ ریال تا ۱۴۰۳/۰۹/۳۰ 🎉';

      const response = await http().post(`${API}/pii/redact`).set(bearer(team.outsider)).send({ text: plain });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ text: plain, findings: [] });
    });

    it('refuses what POST /pii/scan refuses: a missing, non-string, too long or extra field with 400, anonymous with 401', async () => {
      const post = (body: unknown) =>
        http()
          .post(`${API}/pii/redact`)
          .set(bearer(team.viewer))
          .send(body as object);
      expectError(await post({}), 400, 'VALIDATION_FAILED');
      expectError(await post({ text: 42 }), 400, 'VALIDATION_FAILED');
      expectError(await post({ text: 'x'.repeat(200_001) }), 400, 'VALIDATION_FAILED');
      expectError(await post({ text: 'a', extra: true }), 400, 'VALIDATION_FAILED');
      expectError(await http().post(`${API}/pii/redact`).send({ text: 'سلام' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /contents/:id/export?redact=true', () => {
    it('masks the JSON export: title, prompt, body, every version and the review note, the rest byte for byte', async () => {
      const plainFile = await download(`/contents/${contentId}/export?format=json`);
      const redactedFile = await download(`/contents/${contentId}/export?format=json&redact=true`);

      expect(redactedFile.status).toBe(200);
      expect(redactedFile.headers['content-type']).toBe('application/json; charset=utf-8');
      const plain = JSON.parse(plainFile.body as string) as ExportedContent;
      const redacted = JSON.parse(redactedFile.body as string) as ExportedContent;
      expect(plain.versions.map((version) => version.body)).toEqual([AI_TEXT[0], EN_TEXT[0]]);
      // pii and promptPii point at the masks now, with the findings' types.
      expect(masksIn(redacted.body!, redacted.pii)).toEqual([
        ['IR_PHONE', '[mobile number]'],
        ['EMAIL', '[email]'],
      ]);
      expect(masksIn(redacted.prompt, redacted.promptPii)).toEqual([['EMAIL', '[ایمیل]']]);
      // Everything else is exactly the plain file.
      expect(redactedFile.body).toBe(JSON.stringify(redactedFrom(plain, redacted), null, 2));
      for (const value of VALUES) expect(redactedFile.body).not.toContain(value);
    });

    it('masks the Markdown export (front matter and body) and its file name, the rest byte for byte', async () => {
      const plain = await download(`/contents/${contentId}/export?format=markdown`);
      const redacted = await download(`/contents/${contentId}/export?format=markdown&redact=true`);

      expect(redacted.status).toBe(200);
      expect(plain.body).toContain(`title: "${TITLE[0]}"`);
      expect(redacted.body).toBe(redactedMarkdownFrom(plain.body as string));
      expect(redacted.body).toContain('personalData: IR_PHONE, EMAIL\n');
      expect(redacted.headers['content-length']).toBe(String(Buffer.byteLength(redacted.body as string)));
      expect(redacted.headers['content-disposition']).toBe(
        `attachment; filename="content-${contentId.slice(0, 8)}.md"; filename*=UTF-8''${encodeURIComponent(`${TITLE[1]}.md`)}`,
      );
      for (const value of VALUES) expect(redacted.body).not.toContain(value);
    });

    it('masks each content of a project export as in its own export', async () => {
      const single = JSON.parse(
        (await download(`/contents/${contentId}/export?format=json&redact=true`)).body as string,
      ) as ExportedContent;

      const project = await download(`/projects/${projectId}/export?redact=true`);

      expect(project.status).toBe(200);
      expect(JSON.parse(project.body as string)).toEqual([single]);
      for (const value of VALUES) expect(project.body).not.toContain(value);
    });

    it('answers 400 for a redact that is not true or false, and for an unknown parameter of the project export', async () => {
      const get = (path: string) => http().get(`${API}${path}`).set(bearer(team.viewer));
      expectError(await get(`/contents/${contentId}/export?redact=yes`), 400, 'VALIDATION_FAILED');
      expectError(await get(`/projects/${projectId}/export?redact=1`), 400, 'VALIDATION_FAILED');
      expectError(await get(`/projects/${projectId}/export?format=markdown`), 400, 'VALIDATION_FAILED');
      expectError(await get(`/projects/${projectId}/export?unknown=1`), 400, 'VALIDATION_FAILED');
      expect((await download(`/projects/${projectId}/export?format=json`)).status).toBe(200);
    });
  });

  describe('the content policy’s redactPiiInExports', () => {
    afterAll(async () => {
      await setPolicy({ redactPiiInExports: false });
    });

    it('is off by default, and when set, every export comes out redacted whatever the request asks', async () => {
      const policy = await http().get(`${API}/organizations/${team.org.id}/content-policy`).set(bearer(team.viewer));
      expect(policy.body.redactPiiInExports).toBe(false);
      const plainMarkdown = (await download(`/contents/${contentId}/export`)).body as string;
      const plainJson = (await download(`/contents/${contentId}/export?format=json`)).body as string;
      const redactedJson = (await download(`/contents/${contentId}/export?format=json&redact=true`)).body as string;
      const redactedProject = (await download(`/projects/${projectId}/export?redact=true`)).body as string;

      const set = await setPolicy({ redactPiiInExports: true });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ blockPromptsWithPii: false, redactPiiInExports: true });

      for (const query of ['', '?redact=false', '?format=markdown&redact=true']) {
        const forced = await download(`/contents/${contentId}/export${query}`);
        expect(forced.status).toBe(200);
        expect(forced.body).toBe(redactedMarkdownFrom(plainMarkdown));
      }
      for (const query of ['?format=json', '?format=json&redact=false']) {
        const forced = await download(`/contents/${contentId}/export${query}`);
        expect(forced.body).toBe(redactedJson);
        expect(forced.body).not.toBe(plainJson);
      }
      expect((await download(`/projects/${projectId}/export`)).body).toBe(redactedProject);
      expect((await download(`/projects/${projectId}/export?redact=false`)).body).toBe(redactedProject);
    });

    it('is kept by a PUT that leaves it out, audited when it changes, and lifted by false', async () => {
      expect((await setPolicy({ redactPiiInExports: true })).status).toBe(200);
      const kept = await setPolicy({});
      expect(kept.body.redactPiiInExports).toBe(true);
      expect((await download(`/contents/${contentId}/export`)).body).toContain(EN_TEXT[1]);
      expectError(await setPolicy({ redactPiiInExports: 'yes' }), 400, 'VALIDATION_FAILED');

      expect((await setPolicy({ redactPiiInExports: false })).body.redactPiiInExports).toBe(false);

      expect((await download(`/contents/${contentId}/export`)).body).toContain(EN_TEXT[0]);
      const log = await http().get(`${API}/organizations/${team.org.id}/audit-log?limit=100`).set(bearer(team.admin));
      const changes = (log.body.items as { action: string; metadata: unknown }[])
        .filter((entry) => entry.action === 'content.policy_changed')
        .map((entry) => entry.metadata);
      expect(changes.slice(0, 2)).toEqual([
        { from: { redactPiiInExports: true }, to: { redactPiiInExports: false } },
        { from: { redactPiiInExports: false }, to: { redactPiiInExports: true } },
      ]);
    });
  });

  it('documents the route and the parameter in the OpenAPI document', async () => {
    const document = (await http().get('/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    expect(document.paths['/api/v1/pii/redact']?.post).toBeDefined();
    for (const path of ['/api/v1/contents/{id}/export', '/api/v1/projects/{projectId}/export'])
      expect(document.paths[path]?.get?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toContain(
        'redact',
      );
  });
});
