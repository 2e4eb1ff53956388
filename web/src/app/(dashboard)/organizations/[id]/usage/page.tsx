'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { LimitBar } from '@/components/limit-bar';
import { UsageForecastSummary } from '@/components/usage-forecast';
import { UsageChart } from '@/components/usage-chart';
import { api } from '@/lib/api';
import { formatDate, formatNumber, formatUsd, toLatinDigits } from '@/lib/format';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { useUsageGroupLabels } from '@/lib/usage-group-labels';
import { matchingPreset, presetRange, RANGE_PRESETS, type RangePreset } from '@/lib/usage-range';
import { can, useMe } from '@/lib/hooks';
import type { UsageForecast, UsageLimits, UsageReport } from '@/lib/types';
import { fa } from '@/messages/fa';

const GROUPS = ['day', 'model', 'user', 'project'];

/** Labels under bars stay short; the list below the chart has them whole. */
const shorten = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

const limit = (pattern: RegExp) =>
  z
    .string()
    .transform((value) => toLatinDigits(value.trim()))
    .refine((value) => value === '' || pattern.test(value), fa.form.number);

/** Empty means unlimited. Token limits are whole numbers, the cost limit a USD amount with up to 6 decimals. */
const limitsSchema = z.object({ tokens: limit(/^\d{1,12}$/), cost: limit(/^\d{1,9}(\.\d{1,6})?$/), perUser: limit(/^\d{1,12}$/), calendar: z.enum(['gregorian', 'jalali']) });

/** ADMINs set the monthly limits (empty = unlimited). */
function LimitsForm({ organizationId, limits }: { organizationId: string; limits: UsageLimits }) {
  const queries = useQueryClient();
  const form = useForm<z.input<typeof limitsSchema>, unknown, z.output<typeof limitsSchema>>({
    resolver: zodResolver(limitsSchema),
    defaultValues: { tokens: limits.monthlyTokenLimit?.toString() ?? '', cost: limits.monthlyCostLimitUsd ?? '', perUser: limits.perUserMonthlyTokenLimit?.toString() ?? '', calendar: limits.calendar },
  });
  const save = useMutation({
    mutationFn: (input: z.output<typeof limitsSchema>) =>
      api(`organizations/${organizationId}/usage/limits`, {
        method: 'PUT',
        body: {
          monthlyTokenLimit: input.tokens ? Number(input.tokens) : null,
          monthlyCostLimitUsd: input.cost || null,
          perUserMonthlyTokenLimit: input.perUser ? Number(input.perUser) : null,
          calendar: input.calendar,
        },
      }),
    // A new calendar moves the period, so the report changes with it.
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['limits', organizationId] }),
        queries.invalidateQueries({ queryKey: ['usage', organizationId] }),
        queries.invalidateQueries({ queryKey: ['forecast', organizationId] }),
      ]),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-5 sm:items-end" noValidate>
      <Field id="limit-tokens" label={fa.usage.tokenLimit} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('tokens')} />
      <Field id="limit-cost" label={fa.usage.costLimit} inputMode="decimal" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('cost')} />
      <Field id="limit-user" label={fa.usage.perUser} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('perUser')} />
      <label htmlFor="limit-calendar" className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{fa.usage.calendar}</span>
        <select id="limit-calendar" className="rounded-lg border border-slate-300 bg-white px-3 py-2" {...form.register('calendar')}>
          <option value="jalali">{fa.usage.calendars.jalali}</option>
          <option value="gregorian">{fa.usage.calendars.gregorian}</option>
        </select>
      </label>
      <Button type="submit" disabled={save.isPending}>
        {fa.usage.editLimits}
      </Button>
      <div className="sm:col-span-5">
        {errors.tokens || errors.cost || errors.perUser ? <p className="text-sm text-rose-700">{fa.form.number}</p> : null}
        <ErrorBanner error={save.error} />
      </div>
    </form>
  );
}

export default function UsagePage() {
  const { id } = useParams<{ id: string }>();
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.organizationId === id)?.role;
  const [params, go] = useSearchParamState();
  // The grouping and the window live in the URL, so a view of the usage can be shared.
  const groupBy = GROUPS.includes(params.get('groupBy') ?? '') ? (params.get('groupBy') as string) : 'day';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const preset = matchingPreset(from, to);
  const choosePreset = (chosen: RangePreset) => {
    const range = presetRange(chosen);
    go({ from: range?.from ?? '', to: range?.to ?? '' });
  };
  const labelOf = useUsageGroupLabels(id, groupBy);
  const reportQuery = new URLSearchParams({ groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const limits = useQuery({ queryKey: ['limits', id], queryFn: () => api<UsageLimits>(`organizations/${id}/usage/limits`) });
  const report = useQuery({ queryKey: ['usage', id, reportQuery.toString()], queryFn: () => api<UsageReport>(`organizations/${id}/usage?${reportQuery}`), enabled: can(role, 'ADMIN'), placeholderData: (previous) => previous });
  const forecast = useQuery({ queryKey: ['forecast', id], queryFn: () => api<UsageForecast>(`organizations/${id}/usage/forecast`), enabled: can(role, 'ADMIN') });
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
          {can(role, 'ADMIN') ? <LimitsForm organizationId={id} limits={limits.data} /> : null}
        </Card>
      ) : null}
      {can(role, 'ADMIN') ? (
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
            <Field id="usage-from" type="date" label={fa.project.from} value={from} onChange={(e) => go({ from: e.target.value })} />
            <Field id="usage-to" type="date" label={fa.project.to} value={to} onChange={(e) => go({ to: e.target.value })} />
          </div>
          {report.data ? (
            <p className="mt-2 text-sm text-slate-500" data-testid="usage-window">
              {fa.usage.window(formatDate(report.data.from), formatDate(new Date(new Date(report.data.to).getTime() - 1).toISOString()))}
            </p>
          ) : null}
        </Card>
      ) : null}
      {report.isLoading ? <Loading /> : null}
      {report.data ? (
        <Card>
          <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-5" data-testid="usage-totals">
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.requests}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.requests)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.tokens}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.totalTokens)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.cachedPromptTokens}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.cachedPromptTokens)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.reasoningTokens}</dt>
              <dd className="text-lg font-bold">{formatNumber(report.data.totals.reasoningTokens)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{fa.usage.cost}</dt>
              <dd className="text-lg font-bold">{formatUsd(report.data.totals.costUsd)}</dd>
            </div>
          </dl>
          <div className="mt-4 mb-2 flex flex-wrap items-center gap-2" role="group" aria-label={fa.usage.groupBy}>
            {GROUPS.map((group) => (
              <button
                key={group}
                type="button"
                aria-pressed={groupBy === group}
                onClick={() => go({ groupBy: group === 'day' ? '' : group })}
                className={`rounded-full px-3 py-1 text-sm ring-1 ${groupBy === group ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
              >
                {fa.usage.groups[group]}
              </button>
            ))}
          </div>
          {!report.data.groups.length ? (
            <Empty>{fa.usage.empty}</Empty>
          ) : (
            <UsageChart points={report.data.groups.map((group) => ({ label: shorten(labelOf(group.key)), tokens: group.totalTokens }))} />
          )}
          <ul className="text-sm" data-testid="usage-groups">
            {report.data.groups.map((group) => (
              <li key={group.key} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <span dir="auto">{labelOf(group.key)}</span>
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
