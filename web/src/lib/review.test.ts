import { describe, expect, it } from 'vitest';
import { approvalBaseline, baselineKind, diffBaseline } from './review';

const review = (version: number | null) => ({ decision: 'REJECTED' as const, by: 'u', at: '', note: 'x', version, bodySha256: null, category: 'TONE' as const });

describe('approvalBaseline', () => {
  it('compares with the first version when nothing was reviewed yet', () => {
    expect(approvalBaseline({ currentVersion: 3, lastReview: null })).toBe(1);
    expect(baselineKind({ lastReview: null })).toBe('first');
  });

  it('compares with the version the last review decided on', () => {
    expect(approvalBaseline({ currentVersion: 4, lastReview: review(2) })).toBe(2);
    expect(baselineKind({ lastReview: review(2) })).toBe('reviewed');
  });

  it('prefers the version last approved', () => {
    const versions = [
      { source: 'ai' as const, approvedVersion: null },
      { source: 'approval' as const, approvedVersion: 1 },
      { source: 'manual' as const, approvedVersion: null },
    ];
    expect(approvalBaseline({ currentVersion: 5, lastReview: review(3) }, versions)).toBe(1);
    expect(baselineKind({ lastReview: review(3) }, versions)).toBe('approved');
  });

  it('has nothing to compare for a first version, or a version already reviewed, or none', () => {
    expect(approvalBaseline({ currentVersion: 1, lastReview: null })).toBeNull();
    expect(approvalBaseline({ currentVersion: 2, lastReview: review(2) })).toBeNull();
    expect(approvalBaseline({ currentVersion: null, lastReview: null })).toBeNull();
  });
});

describe('diffBaseline', () => {
  const v = (number: number, source: 'ai' | 'manual' | 'approval' | 'restore' = 'manual', approvedVersion: number | null = null) => ({ number, source, approvedVersion });

  it('compares with the version last approved, whatever the order of the list', () => {
    const versions = [v(5), v(4), v(3, 'approval', 2), v(2, 'ai'), v(1, 'ai')];
    expect(diffBaseline(5, versions)).toEqual({ number: 2, kind: 'approved' });
    expect(diffBaseline(5, [...versions].reverse())).toEqual({ number: 2, kind: 'approved' });
  });

  it('takes the newest approval when there were several', () => {
    expect(diffBaseline(7, [v(1, 'ai'), v(2, 'approval', 1), v(3), v(4, 'approval', 3), v(5), v(6), v(7)])).toEqual({ number: 3, kind: 'approved' });
  });

  it('compares with the previous version when nothing was approved', () => {
    expect(diffBaseline(3, [v(1, 'ai'), v(2), v(3)])).toEqual({ number: 2, kind: 'previous' });
  });

  it('has nothing to compare with a single version or none', () => {
    expect(diffBaseline(1, [v(1, 'ai')])).toBeNull();
    expect(diffBaseline(null, [])).toBeNull();
  });
});
