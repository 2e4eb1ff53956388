'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner, Field } from '@/components/ui';
import { api } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import type { UsageLimits } from '@/lib/types';
import { limitsBody, limitsProblems, type LimitField, type LimitsBody, type LimitsInput } from '@/lib/usage-limits-input';
import { fa } from '@/messages/fa';

/** ADMINs set the monthly limits (empty = unlimited). A plain form: three number rules need no form library. */
export function UsageLimitsForm({ organizationId, limits }: { organizationId: string; limits: UsageLimits }) {
  const queries = useQueryClient();
  const [problems, setProblems] = useState<LimitField[]>([]);
  const save = useMutation({
    mutationFn: (body: LimitsBody) => api(`organizations/${organizationId}/usage/limits`, { method: 'PUT', body }),
    // A new calendar moves the period, so the report changes with it.
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: queryKeys.limits(organizationId) }),
        queries.invalidateQueries({ queryKey: queryKeys.usage(organizationId) }),
        queries.invalidateQueries({ queryKey: queryKeys.forecast(organizationId) }),
      ]),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: LimitsInput = {
      tokens: String(data.get('tokens') ?? ''),
      cost: String(data.get('cost') ?? ''),
      perUser: String(data.get('perUser') ?? ''),
      calendar: data.get('calendar') === 'gregorian' ? 'gregorian' : 'jalali',
    };
    const found = limitsProblems(input);
    setProblems(found);
    if (!found.length) save.mutate(limitsBody(input));
  };
  const invalid = (field: LimitField) => (problems.includes(field) ? { 'aria-invalid': true, 'aria-describedby': 'limits-problem' } : {});
  return (
    <form onSubmit={submit} className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-5 sm:items-end" noValidate>
      <Field id="limit-tokens" name="tokens" label={fa.usage.tokenLimit} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} defaultValue={limits.monthlyTokenLimit?.toString() ?? ''} {...invalid('tokens')} />
      <Field id="limit-cost" name="cost" label={fa.usage.costLimit} inputMode="decimal" dir="ltr" placeholder={fa.usage.unlimited} defaultValue={limits.monthlyCostLimitUsd ?? ''} {...invalid('cost')} />
      <Field id="limit-user" name="perUser" label={fa.usage.perUser} inputMode="numeric" dir="ltr" placeholder={fa.usage.unlimited} defaultValue={limits.perUserMonthlyTokenLimit?.toString() ?? ''} {...invalid('perUser')} />
      <label htmlFor="limit-calendar" className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{fa.usage.calendar}</span>
        <select id="limit-calendar" name="calendar" defaultValue={limits.calendar} className="rounded-lg border border-slate-300 bg-white px-3 py-2">
          <option value="jalali">{fa.usage.calendars.jalali}</option>
          <option value="gregorian">{fa.usage.calendars.gregorian}</option>
        </select>
      </label>
      <Button type="submit" disabled={save.isPending}>
        {fa.usage.editLimits}
      </Button>
      <div className="sm:col-span-5">
        {problems.length ? (
          <p id="limits-problem" className="text-sm text-rose-700">
            {fa.form.number}
          </p>
        ) : null}
        <ErrorBanner error={save.error} />
      </div>
    </form>
  );
}
