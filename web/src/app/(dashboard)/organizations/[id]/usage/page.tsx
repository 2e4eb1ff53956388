'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { UsageChart } from '@/components/usage-chart';
import { api } from '@/lib/api';
import { formatDate, formatNumber, formatUsd, toLatinDigits } from '@/lib/format';
import { can, useMe } from '@/lib/hooks';
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

const GROUPS = ['day', 'model', 'user', 'project'];

const limit = (pattern: RegExp) =>
  z
    .string()
    .transform((value) => toLatinDigits(value.trim()))
    .refine((value) => value === '' || pattern.test(value), fa.form.number);

/** Empty means unlimited. Token limits are whole numbers, the cost limit a USD amount with up to 6 decimals. */
const limitsSchema = z.object({ tokens: limit(/^\d{1,12}$/), cost: limit(/^\d{1,9}(\.\d{1,6})?$/), perUser: limit(/^\d{1,12}$/) });

/** ADMINs set the monthly limits (empty = unlimited). */
function LimitsForm({ organizationId, limits }: { organizationId: string; limits: UsageLimits }) {
  const queries = useQueryClient();
  const form = useForm<z.input<typeof limitsSchema>, unknown, z.output<typeof limitsSchema>>({
    resolver: zodResolver(limitsSchema),
    defaultValues: { tokens: limits.monthlyTokenLimit?.toString() ?? '', cost: limits.monthlyCostLimitUsd ?? '', perUser: limits.perUserMonthlyTokenLimit?.toString() ?? '' },
  });
  const save = useMutation({
    mutationFn: (input: z.output<typeof limitsSchema>) =>
      api(`organizations/${organizationId}/usage/limits`, {
        method: 'PUT',
        body: {
          monthlyTokenLimit: input.tokens ? Number(input.tokens) : null,
          monthlyCostLimitUsd: input.cost || null,
          perUserMonthlyTokenLimit: input.perUser ? Number(input.perUser) : null,
        },
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['limits', organizationId] }),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-4 sm:items-end" noValidate>
      <Field id="limit-tokens" label={fa.usage.tokenLimit} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('tokens')} />
      <Field id="limit-cost" label={fa.usage.costLimit} inputMode="decimal" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('cost')} />
      <Field id="limit-user" label={fa.usage.perUser} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} {...form.register('perUser')} />
      <Button type="submit" disabled={save.isPending}>
        {fa.usage.editLimits}
      </Button>
      <div className="sm:col-span-4">
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
  const [groupBy, setGroupBy] = useState('day');
  const limits = useQuery({ queryKey: ['limits', id], queryFn: () => api<UsageLimits>(`organizations/${id}/usage/limits`) });
  const report = useQuery({ queryKey: ['usage', id, groupBy], queryFn: () => api<UsageReport>(`organizations/${id}/usage?groupBy=${groupBy}`), enabled: can(role, 'ADMIN') });
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
          {can(role, 'ADMIN') ? <LimitsForm organizationId={id} limits={limits.data} /> : null}
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
          <div className="mt-4 mb-2 flex flex-wrap items-center gap-2" role="group" aria-label={fa.usage.groupBy}>
            {GROUPS.map((group) => (
              <button
                key={group}
                type="button"
                aria-pressed={groupBy === group}
                onClick={() => setGroupBy(group)}
                className={`rounded-full px-3 py-1 text-sm ring-1 ${groupBy === group ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
              >
                {fa.usage.groups[group]}
              </button>
            ))}
          </div>
          {!report.data.groups.length ? (
            <Empty>{fa.usage.empty}</Empty>
          ) : (
            <UsageChart points={report.data.groups.map((group) => ({ label: groupBy === 'day' ? formatDate(group.key) : group.key.slice(0, 12), tokens: group.totalTokens }))} />
          )}
          <ul className="text-sm">
            {report.data.groups.map((group) => (
              <li key={group.key} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <span dir="auto">{groupBy === 'day' ? formatDate(group.key) : group.key}</span>
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
