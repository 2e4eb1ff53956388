'use client';

import { largestShare } from '@/lib/estimate';
import { formatUsd, toPersianDigits } from '@/lib/format';
import { reads } from '@/lib/queries';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

const percent = new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 1 });

/**
 * Beside the generate button: the worst case the generation would reserve (GET /contents/:id/estimate),
 * the share of what remains of the tightest limit, and a warning when it would be refused.
 * `version` refetches it when the content changes (a generation spends budget).
 */
export function GenerationEstimateNote({ contentId, version }: { contentId: string; version: string }) {
  const estimate = useRead(reads.estimate(contentId, version));
  if (!estimate.data) return null;
  const e = estimate.data;
  const share = largestShare(e);
  return (
    <div className="mt-2 text-sm" data-testid="generation-estimate">
      <p className="text-slate-600">
        {fa.estimate.worstCase(formatUsd(e.worstCaseCostUsd), toPersianDigits(String(e.promptTokens + e.maxCompletionTokens)))}
        {share
          ? ` — ${
              Number.isFinite(share.share)
                ? fa.estimate.share(percent.format(share.share), fa.estimate.scopes[share.scope] ?? '')
                : fa.estimate.nothingLeft(fa.estimate.scopes[share.scope] ?? '')
            }`
          : null}
      </p>
      {e.wouldExceed ? (
        <p role="alert" className="mt-1 font-medium text-rose-700">
          {fa.estimate.wouldExceed[e.wouldExceed]}
        </p>
      ) : null}
    </div>
  );
}
