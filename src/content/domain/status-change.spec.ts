import { randomUUID } from 'node:crypto';
import { AI_BODY, makeContent, makeContentIn, SAMPLE_USAGE } from '../../../test/factories/content.factory';
import type { Content } from './content';
import { statusChangeOf, type StatusChange } from './status-change';

const LATER = new Date('2026-11-24T11:00:00Z');
const ADMIN = randomUUID();

/** What one intention method of the content did to its status, as the repository records it. */
function changeOf(content: Content, act: (content: Content) => void): StatusChange | null {
  content.pullNewVersions();
  const before = { status: content.status, currentVersion: content.currentVersion };
  act(content);
  return statusChangeOf(before, content.snapshot(), content.pullNewVersions());
}

const complete = (content: Content, jobId: string, by: string) =>
  content.completeGeneration({ jobId, body: AI_BODY, model: 'gpt-4o', usage: SAMPLE_USAGE, by }, LATER);

describe('statusChangeOf', () => {
  it('records a generation start, without an actor', () => {
    const content = makeContent();
    expect(changeOf(content, (c) => c.startGeneration('job-1', LATER))).toEqual({
      from: 'DRAFT',
      to: 'IN_PROGRESS',
      cause: 'generation_started',
      version: 0,
      model: null,
      actorId: null,
      rejectionCategory: null,
      occurredAt: LATER,
    });
  });

  it('records a completed generation with its version, model and requester', () => {
    const content = makeContent();
    const editor = randomUUID();
    content.startGeneration('job-1', LATER);
    expect(changeOf(content, (c) => complete(c, 'job-1', editor))).toMatchObject({
      from: 'IN_PROGRESS',
      to: 'REVIEW',
      cause: 'generation_completed',
      version: 1,
      model: 'gpt-4o',
      actorId: editor,
    });
  });

  it('tells a failed generation from one taken back', () => {
    const failed = makeContentIn('REVIEW');
    failed.startGeneration('job-2', LATER);
    expect(
      changeOf(failed, (c) => c.failGeneration('job-2', { code: 'RATE_LIMITED', message: 'slow down' }, LATER)),
    ).toMatchObject({ from: 'IN_PROGRESS', to: 'REVIEW', cause: 'generation_failed', version: 1 });

    const abandoned = makeContent();
    abandoned.startGeneration('job-3', LATER);
    expect(changeOf(abandoned, (c) => c.abandonGeneration('job-3', LATER))).toMatchObject({
      from: 'IN_PROGRESS',
      to: 'DRAFT',
      cause: 'generation_abandoned',
    });
  });

  it('records a failed generation that returns to REJECTED as a failure, not a rejection', () => {
    const content = makeContentIn('REJECTED');
    content.startGeneration('job-2', LATER);
    expect(
      changeOf(content, (c) => c.failGeneration('job-2', { code: 'RATE_LIMITED', message: 'slow down' }, LATER)),
    ).toMatchObject({
      from: 'IN_PROGRESS',
      to: 'REJECTED',
      cause: 'generation_failed',
      actorId: null,
      rejectionCategory: null,
    });
  });

  it('records an approval of the version read, not of its approval snapshot', () => {
    const content = makeContentIn('REVIEW');
    const author = content.snapshot().createdBy;
    const change = changeOf(content, (c) =>
      c.approve({ by: ADMIN, version: 1, versionAuthor: author, allowSelfApproval: false }, LATER),
    );
    expect(content.currentVersion).toBe(2);
    expect(change).toMatchObject({
      from: 'REVIEW',
      to: 'APPROVED',
      cause: 'approved',
      version: 1,
      model: 'gpt-4.1-mini-2025-04-14',
      actorId: ADMIN,
      rejectionCategory: null,
    });
  });

  it('records a rejection with its category, OTHER when none was named', () => {
    const toned = makeContentIn('REVIEW');
    expect(changeOf(toned, (c) => c.reject(ADMIN, 'لحن رسمی نیست', LATER, { category: 'TONE' }))).toMatchObject({
      from: 'REVIEW',
      to: 'REJECTED',
      cause: 'rejected',
      version: 1,
      actorId: ADMIN,
      rejectionCategory: 'TONE',
    });
    const plain = makeContentIn('REVIEW');
    expect(changeOf(plain, (c) => c.reject(ADMIN, 'نه', LATER))?.rejectionCategory).toBe('OTHER');
  });

  it('records nothing when the status stays (a manual edit in REVIEW)', () => {
    const content = makeContentIn('REVIEW');
    expect(changeOf(content, (c) => c.editManually({ body: 'متن تازه' }, ADMIN, LATER))).toBeNull();
  });
});
