import { makeContentIn, SAMPLE_USAGE, T0 } from '../../../../../test/factories/content.factory';
import { InMemoryContentPolicyRepository } from '../../../../../test/fakes/content/in-memory-content.repositories';
import type { ContentVersion } from '../../../domain/content-version';
import { toContentView, type ContentView } from '../../ports/content.repository';
import { exportIsRedacted, redactedContentView, redactedVersion } from './redacted-export';

const PHONE = '۰۹۱۲۱۲۳۴۵۶۷';
const NATIONAL_ID = '0079425194';

describe('redacted exports', () => {
  const stored: ContentView = {
    ...toContentView(makeContentIn('REVIEW')),
    title: `پیام به ${PHONE}`,
    prompt: `یک پیام برای کد ملی ${NATIONAL_ID} بنویس`,
    variables: { مشتری: `تلفن ${PHONE}`, product: 'Ava 5' },
    body: `👋 سلام! شماره ${PHONE} و ایمیل sara@example.com.`,
    lastError: { code: 'OPENAI_ERROR', message: 'Rejected input from sara@example.com', at: T0 },
    lastReview: { decision: 'REJECTED', by: 'someone', at: T0, note: `شماره ${PHONE} را بردار` },
  };

  it('masks every text a person or the model wrote, each in its own language, and nothing else', () => {
    const view = redactedContentView(stored);

    expect(view).toEqual({
      ...stored,
      title: 'پیام به [شماره همراه]',
      prompt: 'یک پیام برای کد ملی [کد ملی] بنویس',
      promptPii: view.promptPii,
      variables: { مشتری: 'تلفن [شماره همراه]', product: 'Ava 5' },
      body: '👋 سلام! شماره [شماره همراه] و ایمیل [ایمیل].',
      pii: view.pii,
      lastError: { ...stored.lastError, message: 'Rejected input from [email]' },
      lastReview: { ...stored.lastReview, note: 'شماره [شماره همراه] را بردار' },
    });
  });

  it('points pii at the masks in the redacted body, with the types of the findings', () => {
    const view = redactedContentView(stored);

    expect(view.pii.found).toBe(true);
    expect(view.pii.findings.map((mask) => [mask.type, view.body?.slice(mask.start, mask.end)])).toEqual([
      ['IR_PHONE', '[شماره همراه]'],
      ['EMAIL', '[ایمیل]'],
    ]);
    expect(view.promptPii.findings.map((mask) => view.prompt.slice(mask.start, mask.end))).toEqual(['[کد ملی]']);
  });

  it('leaves a content without a body, a note or an error as it is', () => {
    const bare: ContentView = { ...stored, title: 'بی‌نام', prompt: 'بنویس', variables: null, body: null };
    const draft = { ...bare, lastError: null, lastReview: null, pii: { found: false, findings: [] } };

    expect(redactedContentView(draft)).toEqual({ ...draft, promptPii: { found: false, findings: [] } });
  });

  it('masks a version’s body and keeps its number, source, model, usage and author', () => {
    const version: ContentVersion = {
      number: 3,
      source: 'ai',
      body: `Call ${PHONE} now`,
      model: 'gpt-4.1-mini',
      usage: SAMPLE_USAGE,
      generationJobId: 'job-1',
      createdBy: 'someone',
      createdAt: T0,
    };

    expect(redactedVersion(version)).toEqual({ ...version, body: 'Call [mobile number] now' });
  });

  it('redacts an export when the request asks, and always where the content policy says so', async () => {
    const policies = new InMemoryContentPolicyRepository();
    const organizationId = stored.organizationId;

    expect(await exportIsRedacted(policies, organizationId, false)).toBe(false);
    expect(await exportIsRedacted(policies, organizationId, true)).toBe(true);
    await policies.save({ ...(await policies.find(organizationId)), redactPiiInExports: true });
    expect(await exportIsRedacted(policies, organizationId, false)).toBe(true);
  });
});
