'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { dueInstantOf, isPastDue, localInputOf } from '@/lib/reviews';
import { queryKeys } from '@/lib/queries';
import type { Content } from '@/lib/types';
import { fa } from '@/messages/fa';
import { Badge, Button, ErrorBanner } from './ui';

/**
 * A content's review due date: shown to everyone as a Jalali date and time (Tehran), with an «overdue»
 * mark in REVIEW once it has passed; editors set it (a date-and-time input read as Tehran time) or
 * clear it. APPROVED content is final: no field.
 */
export function ReviewDueDate({ content, canEdit, onSaved }: { content: Content; canEdit: boolean; onSaved: (content: Content) => void }) {
  const queries = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState(() => localInputOf(content.reviewDueAt));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (reviewDueAt: string | null) => api<Content>(`contents/${content.id}`, { method: 'PATCH', body: { reviewDueAt } }),
    onSuccess: (answer) => {
      setValue(localInputOf(answer.reviewDueAt));
      onSaved(answer);
      void queries.invalidateQueries({ queryKey: queryKeys.reviews });
    },
  });
  const due = content.reviewDueAt;
  const overdue = content.status === 'REVIEW' && isPastDue(due);

  function submit(event: FormEvent) {
    event.preventDefault();
    const instant = dueInstantOf(value);
    setInvalid(instant === null);
    if (instant) save.mutate(instant);
  }

  return (
    <div className="flex flex-col gap-2" data-testid="review-due-date">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{fa.reviews.dueDate}:</span>
        {due ? <time dateTime={due}>{formatDateTime(due)}</time> : <span className="text-slate-500">{fa.reviews.dueNone}</span>}
        {overdue ? <Badge tone="amber">{fa.reviews.overdue}</Badge> : null}
      </p>
      {canEdit && content.status !== 'APPROVED' ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" noValidate>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={inputId} className="font-medium text-slate-700">
              {fa.reviews.dueDate}
            </label>
            <input
              id={inputId}
              type="datetime-local"
              dir="ltr"
              aria-describedby={hintId}
              aria-invalid={invalid || undefined}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base focus:border-indigo-500 focus:outline-none"
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setInvalid(false);
              }}
            />
            <span id={hintId} className={`text-xs ${invalid ? 'text-rose-700' : 'text-slate-500'}`}>
              {invalid ? fa.reviews.dueInvalid : value && dueInstantOf(value) ? `${formatDateTime(dueInstantOf(value) as string)} (${fa.reviews.dueHint})` : fa.reviews.dueHint}
            </span>
          </div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            {fa.reviews.setDue}
          </Button>
          {due ? (
            <Button type="button" variant="secondary" disabled={save.isPending} onClick={() => save.mutate(null)}>
              {fa.reviews.clearDue}
            </Button>
          ) : null}
        </form>
      ) : null}
      <ErrorBanner error={save.error} />
    </div>
  );
}
