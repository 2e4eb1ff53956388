import { formatDuration, formatFigure, formatRate } from '@/lib/editorial-format';
import { formatNumber } from '@/lib/format';
import type { EditorialFigures } from '@/lib/types';
import { fa } from '@/messages/fa';
import { costPerApproved } from './cost-per-approved';

/** The headline figures of the whole organization. */
export function EditorialTotals({ totals }: { totals: EditorialFigures }) {
  const figures: [string, string][] = [
    [fa.editorial.created, formatNumber(totals.created)],
    [fa.editorial.generated, formatNumber(totals.generated)],
    [fa.editorial.approved, formatNumber(totals.approved)],
    [fa.editorial.rejected, formatNumber(totals.rejected)],
    [fa.editorial.approvalRate, formatRate(totals.approvalRate)],
    [`${fa.editorial.timeToApproval} (${fa.editorial.median})`, formatDuration(totals.timeToApprovalSec.p50)],
    [`${fa.editorial.timeToApproval} (${fa.editorial.p90})`, formatDuration(totals.timeToApprovalSec.p90)],
    [`${fa.editorial.timeInReview} (${fa.editorial.median})`, formatDuration(totals.timeInReviewSec.p50)],
    [`${fa.editorial.timeInReview} (${fa.editorial.p90})`, formatDuration(totals.timeInReviewSec.p90)],
    [fa.editorial.revisions, formatFigure(totals.revisionsPerApproved)],
    [fa.editorial.costPerApproved, costPerApproved(totals.costPerApprovedUsd)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4" data-testid="editorial-totals">
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-slate-50 p-2">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-lg font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EditorialRejections({ counts }: { counts: Record<string, number> }) {
  return (
    <div>
      <h2 className="mb-2 font-bold">{fa.editorial.rejections}</h2>
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="editorial-rejections">
        {Object.entries(counts).map(([category, count]) => (
          <li key={category} className="rounded-full bg-rose-50 px-3 py-1 text-rose-900 ring-1 ring-rose-200">
            {fa.review.categories[category] ?? category}: {formatNumber(count)}
          </li>
        ))}
      </ul>
    </div>
  );
}
