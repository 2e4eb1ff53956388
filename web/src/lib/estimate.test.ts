import { describe, expect, it } from 'vitest';
import { largestShare, type GenerationEstimate } from './estimate';

const estimate = (remaining: Partial<GenerationEstimate['remaining']>): GenerationEstimate => ({
  model: 'gpt-4.1-mini',
  promptTokens: 100,
  maxCompletionTokens: 900,
  worstCaseCostUsd: '0.001500',
  remaining: { organization: null, user: null, project: null, ...remaining },
  wouldExceed: null,
});

describe('largestShare', () => {
  it('is null when no limit applies', () => {
    expect(largestShare(estimate({}))).toBeNull();
  });

  it('takes the limit the worst case uses most of, by cost where it has one, else by tokens', () => {
    expect(
      largestShare(
        estimate({
          organization: { tokens: 1_000_000, costUsd: '1.500000' },
          user: { tokens: 100_000, costUsd: null },
          project: { tokens: null, costUsd: '0.015000' },
        }),
      ),
    ).toEqual({ scope: 'project', share: 0.1 });
  });

  it('is Infinity when nothing remains', () => {
    expect(largestShare(estimate({ user: { tokens: 0, costUsd: null } }))).toEqual({ scope: 'user', share: Infinity });
  });
});
