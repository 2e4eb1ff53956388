'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import type { UsageLimits, UsageReport } from '@/lib/types';
import { fa } from '@/messages/fa';

function LimitBar({ label, used, limit, shown }: { label: string; used: number; limit: number | null; shown: string }) {
  const percent = limit ? Math.min(100, (used / limit) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span>{limit === null ? fa.usage.unlimited : shown}</span>
      </div>
      <div className="relative h-3 rounded-full bg-slate-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} aria-label={label}>
        <div className={`h-3 rounded-full ${percent >= 100 ? 'bg-rose-500' : percent >= 80 ? 'bg-amber-500' : 'bg-emerald-500'}`} style={{ width: `${percent}%` }} />
        <span className="absolute top-0 h-3 w-px bg-slate-500" style={{ insetInlineStart: '80%' }} aria-hidden />
      </div>
    </div>
  );
}

export default function UsagePage() {
  const { id } = useParams<{ id: string }>();
  const limits = useQuery({ queryKey: ['limits', id], queryFn: () => api<UsageLimits>(`organizations/${id}/usage/limits`) });
  const report = useQuery({ queryKey: ['usage', id], queryFn: () => api<UsageReport>(`organizations/${id}/usage?groupBy=day`) });
  if (limits.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.usage.title}</h1>
      <ErrorBanner error={limits.error ?? report.error} />
      {limits.data ? (
        <Card>
          <p className="mb-3 text-sm text-slate-500">
            {formatDate(limits.data.period.start)} — {formatDate(limits.data.period.end)}
          </p>
          <div className="flex flex-col gap-4">
            <LimitBar label={fa.usage.tokenLimit} used={limits.data.used.tokens} limit={limits.data.monthlyTokenLimit} shown={`${formatNumber(limits.data.used.tokens)} / ${formatNumber(limits.data.monthlyTokenLimit ?? 0)}`} />
            <LimitBar
              label={fa.usage.costLimit}
              used={Number(limits.data.used.costUsd)}
              limit={limits.data.monthlyCostLimitUsd === null ? null : Number(limits.data.monthlyCostLimitUsd)}
              shown={`${formatUsd(limits.data.used.costUsd)} / ${formatUsd(limits.data.monthlyCostLimitUsd ?? '0')}`}
            />
          </div>
        </Card>
      ) : null}
      {report.data ? (
        <Card>
          <dl className="grid grid-cols-3 gap-3 text-center" data-testid="usage-totals">
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.requests}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.requests)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.tokens}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.totalTokens)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.cost}</dt>
              <dd className="text-lg font-bold">{formatUsd(report.data.totals.costUsd)}</dd>
            </div>
          </dl>
          <h2 className="mt-4 mb-2 font-bold">{fa.usage.byDay}</h2>
          <ul className="text-sm">
            {report.data.groups.map((group) => (
              <li key={group.key} className="flex justify-between border-b border-slate-100 py-1">
                <span>{formatDate(group.key)}</span>
                <span>
                  {formatNumber(group.totalTokens)} — {formatUsd(group.costUsd)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
