import type { GenerationEstimateResponseDto } from '@/api';

export type GenerationEstimate = GenerationEstimateResponseDto;
export type EstimateScope = 'organization' | 'user' | 'project';

/** The largest share of what remains that the generation's worst case would take, and whose limit that is. */
export interface EstimateShare {
  scope: EstimateScope;
  /** 0…1 and beyond (more than remains); Infinity when nothing remains. */
  share: number;
}

/** USD decimal string → integer micro-dollars, without a float. */
function micros(decimal: string): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

/**
 * Of the organization's, the member's and the project's limits, the one this generation would use the
 * largest share of: by cost where the limit has one, else by tokens. null when no limit applies.
 */
export function largestShare(estimate: GenerationEstimate): EstimateShare | null {
  const worstTokens = estimate.promptTokens + estimate.maxCompletionTokens;
  const worstMicros = micros(estimate.worstCaseCostUsd);
  let largest: EstimateShare | null = null;
  for (const scope of ['organization', 'user', 'project'] as const) {
    const remaining = estimate.remaining[scope];
    if (!remaining) continue;
    const shares: number[] = [];
    if (remaining.costUsd !== null) {
      const left = micros(remaining.costUsd);
      shares.push(left === 0n ? Infinity : Number((worstMicros * 1_000_000n) / left) / 1_000_000);
    }
    if (remaining.tokens !== null) shares.push(remaining.tokens === 0 ? Infinity : worstTokens / remaining.tokens);
    for (const share of shares) if (!largest || share > largest.share) largest = { scope, share };
  }
  return largest;
}
