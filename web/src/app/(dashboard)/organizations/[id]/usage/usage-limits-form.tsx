'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { Button, ErrorBanner, Field } from '@/components/ui';
import { api } from '@/lib/api';
import { toLatinDigits } from '@/lib/format';
import { queryKeys } from '@/lib/queries';
import type { UsageLimits } from '@/lib/types';
import { fa } from '@/messages/fa';

const limit = (pattern: RegExp) =>
  z.pipe(z.string(), z.transform((value) => toLatinDigits(value.trim()))).check(z.refine((value) => value === '' || pattern.test(value), fa.form.number));

/** Empty means unlimited. Token limits are whole numbers, the cost limit a USD amount with up to 6 decimals. */
const limitsSchema = z.object({ tokens: limit(/^\d{1,12}$/), cost: limit(/^\d{1,9}(\.\d{1,6})?$/), perUser: limit(/^\d{1,12}$/), calendar: z.enum(['gregorian', 'jalali']) });

/** ADMINs set the monthly limits (empty = unlimited). */
export function UsageLimitsForm({ organizationId, limits }: { organizationId: string; limits: UsageLimits }) {
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
        queries.invalidateQueries({ queryKey: queryKeys.limits(organizationId) }),
        queries.invalidateQueries({ queryKey: queryKeys.usage(organizationId) }),
        queries.invalidateQueries({ queryKey: queryKeys.forecast(organizationId) }),
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
