'use client';

import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { DateWindowControls } from '@/components/date-window-controls';
import { GroupName } from '@/components/group-name';
import { LimitBar } from '@/components/limit-bar';
import { OrganizationHeading } from '@/components/organization-heading';
import { UsageForecastSummary } from '@/components/usage-forecast';
import { UsageChart } from '@/components/usage-chart';
import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import { can } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import { USAGE_GROUPS, usageReportQuery } from '@/lib/report-query';
import type { UsageReport } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { directionOf, useUsageGroupLabels } from '@/lib/usage-group-labels';
import { fa } from '@/messages/fa';
import { UsageLimitsForm } from './usage-limits-form';


/** Labels under bars stay short; the list below the chart has them whole. */
const shorten = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

function Totals({ totals }: { totals: UsageReport['totals'] }) {
  const figures: [string, string][] = [
    [fa.usage.requests, formatNumber(totals.requests)],
    [fa.usage.tokens, formatNumber(totals.totalTokens)],
    [fa.usage.cachedPromptTokens, formatNumber(totals.cachedPromptTokens)],
    [fa.usage.reasoningTokens, formatNumber(totals.reasoningTokens)],
    [fa.usage.cost, formatUsd(totals.costUsd)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-5" data-testid="usage-totals">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt className="text-sm text-slate-500">{label}</dt>
          <dd className="text-lg font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An organization's limits and forecast for everyone; its usage report, by window and group, for ADMINs. */
export function UsagePage({ id }: { id: string }) {
  const organization = useRead(reads.organization(id));
  const admin = can(organization.data?.role, 'ADMIN');
  const [params, go] = useSearchParamState();
  // The grouping and the window live in the URL, so a view of the usage can be shared.
  const { groupBy, from, to, query } = usageReportQuery(params);
  const labelOf = useUsageGroupLabels(id, groupBy);
  const limits = useRead(reads.limits(id));
  const report = useRead(reads.usage(id, query), { enabled: admin, placeholderData: (previous) => previous });
  const forecast = useRead(reads.forecast(id), { enabled: admin });
  if (limits.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.usage.title} organization={organization.data} />
      <ErrorBanner error={limits.error ?? report.error} />
      {limits.data ? (
        <Card>
          <p className="mb-3 text-sm text-slate-500">
            {formatDate(limits.data.period.start)} — {formatDate(limits.data.period.end)}
          </p>
          <div className="flex flex-col gap-4">
            <LimitBar
              label={fa.usage.tokenLimit}
              used={limits.data.used.tokens}
              limit={limits.data.monthlyTokenLimit}
              shown={`${formatNumber(limits.data.used.tokens)} / ${formatNumber(limits.data.monthlyTokenLimit ?? 0)}`}
              projected={forecast.data?.projected.tokens}
            />
            <LimitBar
              label={fa.usage.costLimit}
              used={Number(limits.data.used.costUsd)}
              limit={limits.data.monthlyCostLimitUsd === null ? null : Number(limits.data.monthlyCostLimitUsd)}
              shown={`${formatUsd(limits.data.used.costUsd)} / ${formatUsd(limits.data.monthlyCostLimitUsd ?? '0')}`}
              projected={forecast.data ? Number(forecast.data.projected.costUsd) : undefined}
            />
          </div>
          {forecast.data ? <UsageForecastSummary forecast={forecast.data} /> : null}
          <ErrorBanner error={forecast.error} />
          {admin ? <UsageLimitsForm organizationId={id} limits={limits.data} /> : null}
        </Card>
      ) : null}
      {admin ? (
        <Card>
          <DateWindowControls idPrefix="usage" from={from} to={to} onChange={go} answered={report.data} answeredTestId="usage-window" />
        </Card>
      ) : null}
      {report.isLoading ? <Loading /> : null}
      {report.data ? (
        <Card>
          <Totals totals={report.data.totals} />
          <div className="mt-4 mb-2 flex flex-wrap items-center gap-2" role="group" aria-label={fa.usage.groupBy}>
            {USAGE_GROUPS.map((group) => (
              <button
                key={group}
                type="button"
                aria-pressed={groupBy === group}
                onClick={() => go({ groupBy: group === 'day' ? '' : group })}
                className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${groupBy === group ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
              >
                {fa.usage.groups[group]}
              </button>
            ))}
          </div>
          {!report.data.groups.length ? (
            <Empty>{fa.usage.empty}</Empty>
          ) : (
            <UsageChart
              points={report.data.groups.map((group) => {
                const label = labelOf(group.key);
                return { label: shorten(label.text), direction: directionOf(label), tokens: group.totalTokens };
              })}
            />
          )}
          <ul className="text-sm" data-testid="usage-groups">
            {report.data.groups.map((group) => (
              <li key={group.key} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <GroupName label={labelOf(group.key)} />
                <span aria-hidden className="h-2 flex-1 self-center rounded bg-indigo-100">
                  <span className="block h-2 rounded bg-indigo-500" style={{ width: `${Math.round((group.totalTokens / Math.max(1, report.data.totals.totalTokens)) * 100)}%` }} />
                </span>
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
