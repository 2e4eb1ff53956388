import type { DomainError } from '#libs/ddd';
import type { ContentVersion } from '../content-version';
import { Comment } from './comment';

const version = (body: string): ContentVersion => ({
  number: 2,
  source: 'manual',
  body,
  model: null,
  usage: null,
  generationJobId: null,
  createdBy: 'u1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
});

const input = (body: string, start: number, end: number) => ({
  id: 'c1',
  organizationId: 'o1',
  contentId: 'x1',
  version: version(body),
  start,
  end,
  body: '  لحن این جمله رسمی نیست  ',
  authorId: 'u2',
  now: new Date('2026-12-02T00:00:00Z'),
});

describe('Comment', () => {
  it('keeps the quote with its context and a trimmed body, unresolved', () => {
    const comment = Comment.create(input('سلام دنیا، جملهٔ دوم.', 5, 9));
    expect(comment.snapshot()).toMatchObject({
      version: 2,
      selector: { start: 5, end: 9, exact: 'دنیا', prefix: 'سلام ', suffix: '، جملهٔ دوم.' },
      body: 'لحن این جمله رسمی نیست',
      resolvedBy: null,
      resolvedAt: null,
    });
  });

  it.each([
    [-1, 3, 'start_negative'],
    [3, 3, 'empty'],
    [0, 99, 'past_end'],
    [1, 4, 'splits_surrogate_pair'],
  ])('refuses [%i, %i) with COMMENT_RANGE_INVALID (%s)', (start, end, reason) => {
    const body = start === 1 ? '🙂🙂 x' : 'abcdef';
    const error = (() => {
      try {
        Comment.create(input(body, start, end));
      } catch (caught) {
        return caught as DomainError;
      }
      throw new Error('accepted');
    })();
    expect(error.code).toBe('COMMENT_RANGE_INVALID');
    expect(error.kind).toBe('invalid');
    expect(error.details).toMatchObject({ reason, version: 2 });
  });

  it('refuses an empty comment', () => {
    expect(() => Comment.create({ ...input('abc', 0, 1), body: '   ' })).toThrow(/body/);
  });

  it('is resolved once; the first resolver stays', () => {
    const comment = Comment.create(input('abc', 0, 1));
    expect(comment.resolve('u3', new Date('2026-12-03T00:00:00Z'))).toBe(true);
    expect(comment.resolve('u4', new Date('2026-12-04T00:00:00Z'))).toBe(false);
    expect(comment.snapshot()).toMatchObject({ resolvedBy: 'u3', resolvedAt: new Date('2026-12-03T00:00:00Z') });
  });
});
