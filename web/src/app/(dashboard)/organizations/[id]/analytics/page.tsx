'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { DecisionChart } from '@/components/editorial-chart';
import { Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDuration, formatFigure, formatRate } from '@/lib/editorial-format';
import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import { can, useMe } from '@/lib/hooks';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useUsageGroupLabels } from '@/lib/usage-group-labels';
import { matchingPreset, presetRange, RANGE_PRESETS, type RangePreset } from '@/lib/usage-range';
import type { EditorialAnalytics, EditorialFigures } from '@/lib/types';
import { fa } from '@/messages/fa';

const GROUPS = ['project', 'author', 'model'] as const;
/** The usage page's group names for the same keys: its labels hook reads members for `user`. */
const LABEL_GROUPS: Record<string, string> = { project: 'project', author: 'user', model: 'model' };

/** Labels under bars stay short; the table has them whole. */
const shorten = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);
const cost = (usd: string | null) => (usd === null ? '—' : formatUsd(usd));

/** The headline figures of the whole organization. */
function Totals({ totals }: { totals: EditorialFigures }) {
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
    [fa.editorial.costPerApproved, cost(totals.costPerApprovedUsd)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4" data-testid="editorial-totals">
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-slate-50 p-2">
          <dt className="text-sm text-slate-500">{label}</dt>
          <dd className="text-lg font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Rejections({ counts }: { counts: Record<string, number> }) {
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

export default function EditorialAnalyticsPage() {
  const { id } = useParams<{ id: string }>();
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.organizationId === id)?.role;
  const [params, go] = useSearchParamState();
  // The grouping and the window live in the URL, so a view can be shared.
  const groupBy = (GROUPS as readonly string[]).includes(params.get('groupBy') ?? '') ? (params.get('groupBy') as string) : '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const preset = matchingPreset(from, to);
  const choosePreset = (chosen: RangePreset) => {
    const range = presetRange(chosen);
    go({ from: range?.from ?? '', to: range?.to ?? '' });
  };
  const labels = useUsageGroupLabels(id, LABEL_GROUPS[groupBy] ?? '');
  const labelOf = (key: string | null) => (key === null ? fa.editorial.handWritten : labels(key));
  const query = new URLSearchParams({ ...(groupBy ? { groupBy } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const report = useQuery({
    queryKey: ['editorial-analytics', id, query.toString()],
    queryFn: () => api<EditorialAnalytics>(`organizations/${id}/analytics/editorial?${query}`),
    enabled: can(role, 'ADMIN'),
    placeholderData: (previous) => previous,
  });
  if (me.isLoading) return <Loading />;
  if (!can(role, 'ADMIN')) return <Empty>{fa.editorial.adminOnly}</Empty>;
  const data = report.data;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.editorial.title}</h1>
      <p className="text-sm text-slate-600">{fa.editorial.intro}</p>
      <ErrorBanner error={report.error} />
      <Card>
        <div className="flex flex-wrap gap-2" role="group" aria-label={fa.usage.range}>
          {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={preset === value}
              onClick={() => choosePreset(value)}
              className={`rounded-full px-3 py-1 text-sm ring-1 ${preset === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
            >
              {fa.usage.presets[value]}
            </button>
          ))}
        </div>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:max-w-md">
          <Field id="editorial-from" type="date" label={fa.project.from} value={from} onChange={(e) => go({ from: e.target.value })} />
          <Field id="editorial-to" type="date" label={fa.project.to} value={to} onChange={(e) => go({ to: e.target.value })} />
        </div>
        {data ? (
          <p className="mt-2 text-sm text-slate-500" data-testid="editorial-window">
            {fa.usage.window(formatDate(data.from), formatDate(new Date(new Date(data.to).getTime() - 1).toISOString()))}
          </p>
        ) : null}
      </Card>
      {report.isLoading ? <Loading /> : null}
      {data ? (
        <>
          <Card>
            <Totals totals={data.totals} />
            <div className="mt-4">
              <Rejections counts={data.totals.rejectionsByCategory} />
            </div>
          </Card>
          <Card>
            <div className="mb-3 flex flex-wrap items-center gap-2" role="group" aria-label={fa.editorial.groupBy}>
              {['', ...GROUPS].map((group) => (
                <button
                  key={group || 'none'}
                  type="button"
                  aria-pressed={groupBy === group}
                  onClick={() => go({ groupBy: group })}
                  className={`rounded-full px-3 py-1 text-sm ring-1 ${groupBy === group ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
                >
                  {fa.editorial.groups[group || 'none']}
                </button>
              ))}
            </div>
            {groupBy && !data.groups.length ? <Empty>{fa.editorial.empty}</Empty> : null}
            {data.groups.length ? (
              <>
                <h2 className="sr-only">{fa.editorial.chart}</h2>
                <DecisionChart points={data.groups.map((group) => ({ label: shorten(labelOf(group.key)), approved: group.approved, rejected: group.rejected }))} names={{ approved: fa.editorial.approved, rejected: fa.editorial.rejected }} />
                <div className="mt-4 overflow-x-auto">
                  <table className="w-full text-sm" data-testid="editorial-groups">
                    <thead className="text-slate-500">
                      <tr>
                        <th scope="col" className="p-1 text-start">
                          {fa.editorial.group}
                        </th>
                        <th scope="col">{fa.editorial.created}</th>
                        <th scope="col">{fa.editorial.generated}</th>
                        <th scope="col">{fa.editorial.approved}</th>
                        <th scope="col">{fa.editorial.rejected}</th>
                        <th scope="col">{fa.editorial.approvalRate}</th>
                        <th scope="col">{`${fa.editorial.timeToApproval} (${fa.editorial.median})`}</th>
                        <th scope="col">{`${fa.editorial.timeInReview} (${fa.editorial.median})`}</th>
                        <th scope="col">{fa.editorial.revisions}</th>
                        <th scope="col">{fa.editorial.costPerApproved}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.groups.map((group) => (
                        <tr key={group.key ?? 'null'} className="border-t border-slate-100 text-center">
                          <th scope="row" className="p-1 text-start font-medium">
                            <span dir="auto">{labelOf(group.key)}</span>
                          </th>
                          <td>{formatNumber(group.created)}</td>
                          <td>{formatNumber(group.generated)}</td>
                          <td>{formatNumber(group.approved)}</td>
                          <td>{formatNumber(group.rejected)}</td>
                          <td>{formatRate(group.approvalRate)}</td>
                          <td>{formatDuration(group.timeToApprovalSec.p50)}</td>
                          <td>{formatDuration(group.timeInReviewSec.p50)}</td>
                          <td>{formatFigure(group.revisionsPerApproved)}</td>
                          <td>{cost(group.costPerApprovedUsd)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
          </Card>
        </>
      ) : null}
    </div>
  );
}
