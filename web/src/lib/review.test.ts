import { describe, expect, it } from 'vitest';
import { approvalBaseline, baselineKind } from './review';

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
