import { createHash } from 'node:crypto';
import { AI_BODY, makeContent, makeContentIn, SAMPLE_USAGE, T0 } from '../../../test/factories/content.factory';
import { Content, type ApprovalRequest } from './content';
import type { ContentStatus } from './content-status';
import type { ContentVersion } from './content-version';

const LATER = new Date('2026-11-24T11:00:00Z');
const EDITOR = '0b8f5a57-94a1-4e8e-b6a4-2f4f3b4f0c11';
const ADMIN = '5d1c6f0e-3e1b-4f4e-9d55-1a2b3c4d5e6f';

/** An approval by ADMIN of version 1, written by EDITOR, under the default policy. */
const approval = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  by: ADMIN,
  version: 1,
  versionAuthor: EDITOR,
  allowSelfApproval: false,
  ...overrides,
});
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const complete = (content: Content, jobId = 'job-running') =>
  content.completeGeneration(
    { jobId, body: AI_BODY, model: 'gpt-4.1-mini-2025-04-14', usage: SAMPLE_USAGE, by: EDITOR },
    LATER,
  );

describe('Content', () => {
  describe('create', () => {
    it('starts as a DRAFT with no body and no version', () => {
      const content = makeContent({ title: '  معرفی گوشی  ' });
      const state = content.snapshot();
      expect(state).toMatchObject({
        status: 'DRAFT',
        title: 'معرفی گوشی',
        body: null,
        currentVersion: 0,
        lastError: null,
        pii: { found: false, findings: [] },
      });
      expect(content.pullNewVersions()).toEqual([]);
    });

    it.each([
      ['a blank title', { title: '   ' }, 'title'],
      ['a blank prompt', { prompt: '' }, 'prompt'],
      ['a temperature above 2', { temperature: 2.5 }, 'temperature'],
      ['maxTokens of 0', { maxTokens: 0 }, 'maxTokens'],
      ['a model name with spaces', { model: 'gpt 4' }, 'model'],
    ])('refuses %s with VALIDATION_FAILED', (_case, overrides, field) => {
      expect(() => makeContent(overrides)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fields: [expect.objectContaining({ field })] },
        }),
      );
    });
  });

  describe('assertCanStartGeneration', () => {
    it('refuses what startGeneration would refuse, without changing the content', () => {
      expect(() => makeContentIn('IN_PROGRESS').assertCanStartGeneration()).toThrow(
        expect.objectContaining({ code: 'CONTENT_BUSY' }),
      );
      expect(() => makeContentIn('APPROVED').assertCanStartGeneration()).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
      );
      const draft = makeContentIn('DRAFT');
      draft.assertCanStartGeneration();
      expect(draft.status).toBe('DRAFT');
    });
  });

  describe('abandonGeneration', () => {
    it('returns a start whose job could not be queued to the state it left, with no lastError', () => {
      const content = makeContentIn('REJECTED');
      content.startGeneration('job-2', LATER);
      content.abandonGeneration('job-2', LATER);
      expect(content.snapshot()).toMatchObject({ status: 'REJECTED', lastError: null, resumeStatus: null });
      expect(content.isRunningJob('job-2')).toBe(false);
    });

    it('refuses to abandon a job that is not the running one', () => {
      const content = makeContentIn('IN_PROGRESS');
      expect(() => content.abandonGeneration('job-other', LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
      );
    });
  });

  describe('generationPrompt', () => {
    it('asks the model with the prompt as the one user message, and the content’s settings', () => {
      const content = makeContent({ prompt: 'یک جمله بنویس', model: 'gpt-4o', temperature: 0.3, maxTokens: 200 });
      expect(content.generationPrompt()).toEqual({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'یک جمله بنویس' }],
        temperature: 0.3,
        maxTokens: 200,
      });
      expect(makeContent({ temperature: null, maxTokens: null }).generationPrompt()).not.toHaveProperty('maxTokens');
    });
  });

  describe('startGeneration', () => {
    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'REJECTED'])(
      'moves %s to IN_PROGRESS and remembers the job and the status it left',
      (from) => {
        const content = makeContentIn(from);
        content.startGeneration('job-2', LATER);
        expect(content.snapshot()).toMatchObject({
          status: 'IN_PROGRESS',
          generationJobId: 'job-2',
          generationStartedAt: LATER,
          resumeStatus: from,
          updatedAt: LATER,
        });
        expect(content.isRunningJob('job-2')).toBe(true);
      },
    );

    it('refuses a second start while IN_PROGRESS with CONTENT_BUSY, even for the same job', () => {
      const content = makeContentIn('IN_PROGRESS');
      expect(() => content.startGeneration('job-2', LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_BUSY', kind: 'conflict', details: { jobId: 'job-running' } }),
      );
      expect(() => content.startGeneration('job-running', LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_BUSY' }),
      );
    });

    it('refuses APPROVED content with CONTENT_INVALID_TRANSITION', () => {
      expect(() => makeContentIn('APPROVED').startGeneration('job-2', LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION', kind: 'conflict' }),
      );
    });
  });

  describe('completeGeneration', () => {
    it('appends an "ai" version, moves to REVIEW and clears lastError', () => {
      const content = makeContent();
      content.startGeneration('job-1', T0);
      content.failGeneration('job-1', { code: 'OPENAI_TIMEOUT', message: 'timed out' }, T0);
      content.startGeneration('job-2', T0);
      complete(content, 'job-2');
      const state = content.snapshot();
      expect(state).toMatchObject({
        status: 'REVIEW',
        body: AI_BODY,
        currentVersion: 1,
        lastError: null,
        resumeStatus: null,
        generationJobId: 'job-2',
      });
      expect(content.pullNewVersions()).toEqual([
        {
          number: 1,
          source: 'ai',
          body: AI_BODY,
          model: 'gpt-4.1-mini-2025-04-14',
          usage: SAMPLE_USAGE,
          generationJobId: 'job-2',
          createdBy: EDITOR,
          createdAt: LATER,
        },
      ]);
      expect(content.hasFinishedJob('job-2')).toBe(true);
    });

    it('numbers versions 1..n across generations', () => {
      const content = makeContentIn('REVIEW');
      content.startGeneration('job-2', LATER);
      complete(content, 'job-2');
      expect(content.pullNewVersions().map((v) => v.number)).toEqual([1, 2]);
      expect(content.currentVersion).toBe(2);
    });

    it('writes the cost with six decimals and refuses negative token counts', () => {
      const content = makeContentIn('IN_PROGRESS');
      content.completeGeneration(
        {
          jobId: 'job-running',
          body: AI_BODY,
          model: 'gpt-4.1-mini',
          usage: { ...SAMPLE_USAGE, costUsd: '0.0004' },
          by: EDITOR,
        },
        LATER,
      );
      expect(content.pullNewVersions()[0]?.usage?.costUsd).toBe('0.000400');
      const other = makeContentIn('IN_PROGRESS');
      expect(() =>
        other.completeGeneration(
          {
            jobId: 'job-running',
            body: AI_BODY,
            model: 'gpt-4.1-mini',
            usage: { ...SAMPLE_USAGE, promptTokens: -1 },
            by: EDITOR,
          },
          LATER,
        ),
      ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    });

    it('refuses a job that is not the running one', () => {
      expect(() => complete(makeContentIn('IN_PROGRESS'), 'job-other')).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
      );
    });

    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED'])(
      'refuses %s with CONTENT_INVALID_TRANSITION',
      (from) => {
        expect(() => complete(makeContentIn(from), 'job-1')).toThrow(
          expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
        );
      },
    );
  });

  describe('failGeneration', () => {
    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'REJECTED'])(
      'returns to %s, the status it left, with lastError',
      (from) => {
        const content = makeContentIn(from);
        const before = content.snapshot();
        content.startGeneration('job-2', LATER);
        content.failGeneration('job-2', { code: 'OPENAI_RATE_LIMITED', message: 'خطای موقت سرویس' }, LATER);
        expect(content.snapshot()).toMatchObject({
          status: from,
          body: before.body,
          currentVersion: before.currentVersion,
          lastError: { code: 'OPENAI_RATE_LIMITED', message: 'خطای موقت سرویس', at: LATER },
          resumeStatus: null,
          generationJobId: 'job-2',
        });
        expect(content.hasFinishedJob('job-2')).toBe(true);
      },
    );

    it('refuses a job that is not the running one', () => {
      expect(() =>
        makeContentIn('IN_PROGRESS').failGeneration('job-other', { code: 'X', message: 'x' }, LATER),
      ).toThrow(expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }));
    });

    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED'])(
      'refuses %s with CONTENT_INVALID_TRANSITION',
      (from) => {
        expect(() => makeContentIn(from).failGeneration('job-1', { code: 'X', message: 'x' }, LATER)).toThrow(
          expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
        );
      },
    );
  });

  describe('editManually', () => {
    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'REJECTED'])(
      'in %s keeps the status and makes a "manual" version of a new body',
      (from) => {
        const content = makeContentIn(from);
        content.pullNewVersions();
        const next = content.currentVersion + 1;
        expect(content.editManually({ body: 'متن ویرایش‌شده با دست' }, EDITOR, LATER)).toBe(true);
        expect(content.snapshot()).toMatchObject({
          status: from,
          body: 'متن ویرایش‌شده با دست',
          currentVersion: next,
          updatedAt: LATER,
        });
        expect(content.pullNewVersions()).toEqual([
          {
            number: next,
            source: 'manual',
            body: 'متن ویرایش‌شده با دست',
            model: null,
            usage: null,
            generationJobId: null,
            createdBy: EDITOR,
            createdAt: LATER,
          },
        ]);
      },
    );

    it('changes title and prompt without a version; a hand-edited prompt leaves its template', () => {
      const content = makeContent({
        promptId: '7a1d2a5c-1111-4c4c-8d8d-000000000001',
        variables: { نام_محصول: 'آوا' },
      });
      content.editManually({ title: 'عنوان تازه', prompt: 'پرامپت تازه' }, EDITOR, LATER);
      expect(content.snapshot()).toMatchObject({
        title: 'عنوان تازه',
        prompt: 'پرامپت تازه',
        promptId: null,
        variables: null,
        currentVersion: 0,
      });
      expect(content.pullNewVersions()).toEqual([]);
    });

    it('changes nothing, and makes no version, for the same body', () => {
      const content = makeContentIn('REVIEW');
      content.pullNewVersions();
      expect(content.editManually({ body: AI_BODY, title: content.snapshot().title }, EDITOR, LATER)).toBe(false);
      expect(content.pullNewVersions()).toEqual([]);
      expect(content.snapshot().updatedAt).toEqual(T0);
    });

    it('refuses IN_PROGRESS with CONTENT_BUSY', () => {
      expect(() => makeContentIn('IN_PROGRESS').editManually({ title: 'x' }, EDITOR, LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_BUSY' }),
      );
    });

    it('refuses APPROVED with CONTENT_INVALID_TRANSITION', () => {
      expect(() => makeContentIn('APPROVED').editManually({ title: 'x' }, EDITOR, LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
      );
    });

    it('refuses a blank body', () => {
      expect(() => makeContentIn('REVIEW').editManually({ body: '  ' }, EDITOR, LATER)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });

  describe('approve', () => {
    it('moves REVIEW to APPROVED and records an "approval" version of the approved text', () => {
      const content = makeContentIn('REVIEW');
      content.pullNewVersions();
      content.approve(approval({ comment: '  منتشر شود  ' }), LATER);
      expect(content.snapshot()).toMatchObject({
        status: 'APPROVED',
        currentVersion: 2,
        lastReview: {
          decision: 'APPROVED',
          by: ADMIN,
          at: LATER,
          note: 'منتشر شود',
          version: 1,
          bodySha256: sha256(AI_BODY),
        },
      });
      expect(content.pullNewVersions()).toEqual([
        {
          number: 2,
          source: 'approval',
          body: AI_BODY,
          model: 'gpt-4.1-mini-2025-04-14',
          usage: null,
          generationJobId: null,
          createdBy: ADMIN,
          createdAt: LATER,
          approvedVersion: 1,
          bodySha256: sha256(AI_BODY),
        },
      ]);
    });

    it('records the SHA-256 of the UTF-8 body in lowercase hex', () => {
      const content = makeContentIn('REVIEW');
      content.editManually({ body: 'سلام دنیا 🌍' }, EDITOR, LATER);
      content.approve(approval({ version: 2 }), LATER);
      expect(content.pullNewVersions().at(-1)).toMatchObject({
        approvedVersion: 2,
        bodySha256: sha256('سلام دنیا 🌍'),
      });
      expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it.each([
      ['an older version', 1, 2],
      ['a version that does not exist yet', 3, 2],
    ])('refuses %s with CONTENT_VERSION_STALE naming the current one', (_case, version, current) => {
      const content = makeContentIn('REVIEW');
      content.editManually({ body: 'متن دستی' }, EDITOR, LATER);
      content.pullNewVersions();
      expect(() => content.approve(approval({ version }), LATER)).toThrow(
        expect.objectContaining({
          code: 'CONTENT_VERSION_STALE',
          kind: 'conflict',
          details: { version, currentVersion: current },
        }),
      );
      expect(content.snapshot()).toMatchObject({ status: 'REVIEW', currentVersion: 2 });
      expect(content.pullNewVersions()).toEqual([]);
    });

    it('refuses the writer of the version with SELF_APPROVAL_FORBIDDEN unless the policy allows it', () => {
      expect(() => makeContentIn('REVIEW').approve(approval({ versionAuthor: ADMIN }), LATER)).toThrow(
        expect.objectContaining({ code: 'SELF_APPROVAL_FORBIDDEN', kind: 'forbidden' }),
      );
      const allowed = makeContentIn('REVIEW');
      allowed.approve(approval({ versionAuthor: ADMIN, allowSelfApproval: true }), LATER);
      expect(allowed.status).toBe('APPROVED');
    });

    it('lets another ADMIN approve what an ADMIN wrote', () => {
      const content = makeContentIn('REVIEW');
      content.approve(approval({ by: ADMIN, versionAuthor: 'another-admin' }), LATER);
      expect(content.status).toBe('APPROVED');
    });

    it('checks the version before the author: a stale read is stale whoever reads it', () => {
      expect(() => makeContentIn('REVIEW').approve(approval({ version: 5, versionAuthor: ADMIN }), LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_VERSION_STALE' }),
      );
    });

    it('copies no model onto the approval of a hand-edited text', () => {
      const content = makeContentIn('REVIEW');
      content.editManually({ body: 'متن دستی' }, EDITOR, LATER);
      content.approve(approval({ version: 2 }), LATER);
      expect(content.pullNewVersions().at(-1)).toMatchObject({ source: 'approval', body: 'متن دستی', model: null });
      expect(content.snapshot().lastReview?.note).toBeNull();
    });

    it.each<ContentStatus>(['DRAFT', 'IN_PROGRESS', 'APPROVED', 'REJECTED'])(
      'refuses %s with CONTENT_INVALID_TRANSITION',
      (from) => {
        expect(() => makeContentIn(from).approve(approval(), LATER)).toThrow(
          expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
        );
      },
    );
  });

  describe('reject', () => {
    it('moves REVIEW to REJECTED with the reason, without a version', () => {
      const content = makeContentIn('REVIEW');
      content.pullNewVersions();
      content.reject(ADMIN, 'لحن متن رسمی نیست', LATER);
      expect(content.snapshot()).toMatchObject({
        status: 'REJECTED',
        currentVersion: 1,
        lastReview: { decision: 'REJECTED', by: ADMIN, note: 'لحن متن رسمی نیست', version: 1, category: 'OTHER' },
      });
      expect(content.pullNewVersions()).toEqual([]);
    });

    it('keeps the category and checks the version read when one is given', () => {
      const content = makeContentIn('REVIEW');
      content.reject(ADMIN, 'نشانی مشتری در متن است', LATER, { category: 'PII', version: 1 });
      expect(content.snapshot().lastReview).toMatchObject({ category: 'PII', version: 1 });
      const edited = makeContentIn('REVIEW');
      edited.editManually({ body: 'متن دستی' }, EDITOR, LATER);
      expect(() => edited.reject(ADMIN, 'دلیل', LATER, { version: 1 })).toThrow(
        expect.objectContaining({ code: 'CONTENT_VERSION_STALE', details: { version: 1, currentVersion: 2 } }),
      );
      expect(edited.status).toBe('REVIEW');
    });

    it('needs a reason', () => {
      expect(() => makeContentIn('REVIEW').reject(ADMIN, ' ', LATER)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });

    it.each<ContentStatus>(['DRAFT', 'IN_PROGRESS', 'APPROVED', 'REJECTED'])(
      'refuses %s with CONTENT_INVALID_TRANSITION',
      (from) => {
        expect(() => makeContentIn(from).reject(ADMIN, 'دلیل', LATER)).toThrow(
          expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }),
        );
      },
    );
  });

  describe('restoreVersion', () => {
    const first = (content: Content): ContentVersion => ({
      number: 1,
      source: 'ai',
      body: AI_BODY,
      model: 'gpt-4.1-mini-2025-04-14',
      usage: SAMPLE_USAGE,
      generationJobId: 'job-1',
      createdBy: content.createdBy,
      createdAt: T0,
    });

    it.each<ContentStatus>(['REVIEW', 'REJECTED'])(
      'brings back an earlier text from %s as a new "restore" version and sends the content to REVIEW',
      (from) => {
        const content = makeContentIn(from);
        content.editManually({ body: 'متن دستی با ایمیل sara@example.com' }, EDITOR, LATER);
        content.pullNewVersions();
        content.restoreVersion(first(content), ADMIN, LATER);
        expect(content.pullNewVersions()).toEqual([
          {
            number: 3,
            source: 'restore',
            body: AI_BODY,
            model: 'gpt-4.1-mini-2025-04-14',
            usage: null,
            generationJobId: null,
            createdBy: ADMIN,
            createdAt: LATER,
            restoredFrom: 1,
          },
        ]);
        expect(content.snapshot()).toMatchObject({
          status: 'REVIEW',
          body: AI_BODY,
          bodyModel: 'gpt-4.1-mini-2025-04-14',
          currentVersion: 3,
          pii: { found: false },
          updatedAt: LATER,
        });
      },
    );

    it('restores a DRAFT that has versions (hand-written, never generated)', () => {
      const content = makeContentIn('DRAFT');
      content.editManually({ body: 'نسخهٔ اول' }, EDITOR, LATER);
      content.editManually({ body: 'نسخهٔ دوم' }, EDITOR, LATER);
      expect(content.status).toBe('DRAFT');
      content.restoreVersion({ ...first(content), body: 'نسخهٔ اول', source: 'manual', model: null }, EDITOR, LATER);
      expect(content.snapshot()).toMatchObject({ status: 'REVIEW', body: 'نسخهٔ اول', currentVersion: 3 });
    });

    it.each<ContentStatus>(['APPROVED', 'IN_PROGRESS'])('refuses %s with CONTENT_INVALID_TRANSITION', (from) => {
      const content = makeContentIn(from);
      const before = content.snapshot();
      expect(() => content.restoreVersion(first(content), ADMIN, LATER)).toThrow(
        expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION', kind: 'conflict' }),
      );
      expect(content.snapshot()).toEqual(before);
    });

    it('refuses a number the content does not have', () => {
      const content = makeContentIn('REVIEW');
      expect(() => content.restoreVersion({ ...first(content), number: 2 }, ADMIN, LATER)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });

  describe('APPROVED is final', () => {
    it('refuses every change', () => {
      const content = makeContentIn('APPROVED');
      for (const change of [
        () => content.startGeneration('job-9', LATER),
        () => content.editManually({ body: 'x' }, EDITOR, LATER),
        () => content.approve(approval({ version: 2 }), LATER),
        () => content.reject(ADMIN, 'x', LATER),
        () => content.failGeneration('job-1', { code: 'X', message: 'x' }, LATER),
      ]) {
        expect(change).toThrow(expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION' }));
      }
    });
  });

  describe('assertCanBeDeletedBy', () => {
    it('lets an EDITOR delete their own DRAFT', () => {
      expect(() =>
        makeContent({ createdBy: EDITOR }).assertCanBeDeletedBy({ userId: EDITOR, isAdmin: false }),
      ).not.toThrow();
    });

    it("refuses an EDITOR someone else's DRAFT with FORBIDDEN", () => {
      expect(() => makeContent().assertCanBeDeletedBy({ userId: EDITOR, isAdmin: false })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', kind: 'forbidden' }),
      );
    });

    it.each<ContentStatus>(['REVIEW', 'APPROVED', 'REJECTED'])(
      'refuses an EDITOR their own %s with FORBIDDEN',
      (status) => {
        expect(() =>
          makeContentIn(status, { createdBy: EDITOR }).assertCanBeDeletedBy({ userId: EDITOR, isAdmin: false }),
        ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      },
    );

    it.each<ContentStatus>(['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED'])(
      'lets an ADMIN delete any %s content',
      (status) => {
        expect(() => makeContentIn(status).assertCanBeDeletedBy({ userId: ADMIN, isAdmin: true })).not.toThrow();
      },
    );

    it('refuses anyone while IN_PROGRESS with CONTENT_BUSY', () => {
      expect(() => makeContentIn('IN_PROGRESS').assertCanBeDeletedBy({ userId: ADMIN, isAdmin: true })).toThrow(
        expect.objectContaining({ code: 'CONTENT_BUSY' }),
      );
      expect(() =>
        makeContentIn('IN_PROGRESS', { createdBy: EDITOR }).assertCanBeDeletedBy({ userId: EDITOR, isAdmin: false }),
      ).toThrow(expect.objectContaining({ code: 'CONTENT_BUSY' }));
    });
  });

  it('restores a stored state unchanged', () => {
    const state = makeContentIn('REVIEW').snapshot();
    expect(Content.restore(state).snapshot()).toEqual(state);
  });

  describe('personal data', () => {
    const SHEBA = 'IR820540102680020817909002';

    it('scans the prompt when the content is created and when the prompt is edited', () => {
      const content = makeContent({ prompt: 'برای ali@example.com یک ایمیل خوشامد بنویس' });
      expect(content.snapshot().promptPii).toEqual({ found: true, findings: [{ type: 'EMAIL', start: 5, end: 20 }] });

      content.editManually({ prompt: 'یک ایمیل خوشامد بنویس' }, EDITOR, LATER);
      expect(content.snapshot().promptPii).toEqual({ found: false, findings: [] });
    });

    it('scans every generated body', () => {
      const content = makeContentIn('IN_PROGRESS');
      content.completeGeneration(
        {
          jobId: 'job-running',
          body: `واریز به ${SHEBA} انجام شد`,
          model: 'gpt-4.1-mini',
          usage: SAMPLE_USAGE,
          by: EDITOR,
        },
        LATER,
      );

      expect(content.snapshot().pii).toEqual({
        found: true,
        findings: [{ type: 'IBAN_IR', start: 9, end: 9 + SHEBA.length }],
      });
    });

    it('scans a hand-edited body, and clears the findings when the data is removed', () => {
      const content = makeContentIn('REVIEW');
      content.editManually({ body: 'تماس: ۰۹۱۲ ۳۴۵ ۶۷۸۹' }, EDITOR, LATER);
      expect(content.snapshot().pii).toEqual({ found: true, findings: [{ type: 'IR_PHONE', start: 6, end: 19 }] });

      content.editManually({ body: 'تماس از طریق سایت' }, EDITOR, LATER);
      expect(content.snapshot().pii).toEqual({ found: false, findings: [] });
    });

    it('refuses to start a generation of a prompt with personal data when the policy blocks it, and allows it otherwise', () => {
      const blocked = makeContent({ prompt: 'کد ملی 0079425194 را در متن بیاور' });
      expect(() => blocked.startGeneration('job-1', LATER, { blockPromptsWithPii: true })).toThrow(
        expect.objectContaining({ code: 'PROMPT_CONTAINS_PII' }),
      );
      expect(blocked.snapshot().status).toBe('DRAFT');

      blocked.startGeneration('job-1', LATER, { blockPromptsWithPii: false });
      expect(blocked.snapshot().status).toBe('IN_PROGRESS');
    });
  });
});
