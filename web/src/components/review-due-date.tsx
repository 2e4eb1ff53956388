'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/lib/api';
import { formatDateTime, toPersianDigits } from '@/lib/format';
import { dueInstantOf, isPastDue, localInputOf } from '@/lib/reviews';
import { queryKeys } from '@/lib/queries';
import { timeOfDay } from '@/lib/time-of-day';
import type { Content } from '@/lib/types';
import { fa } from '@/messages/fa';
import { JalaliDatePicker } from './jalali-date-picker';
import { Badge, Button, ErrorBanner } from './ui';

/** A saved due date as the form's two fields: the Tehran day (`YYYY-MM-DD`) and its time in Persian digits. */
function fieldsOf(reviewDueAt: string | null | undefined): { day: string; time: string } {
  const local = localInputOf(reviewDueAt);
  return { day: local.slice(0, 10), time: toPersianDigits(local.slice(11)) };
}

/**
 * A content's review due date: shown to everyone as a Jalali date and time (Tehran), with an «overdue»
 * mark in REVIEW once it has passed; editors set it (a Jalali day and a time, read as Tehran time) or
 * clear it. APPROVED content is final: no field.
 */
export function ReviewDueDate({ content, canEdit, onSaved }: { content: Content; canEdit: boolean; onSaved: (content: Content) => void }) {
  const queries = useQueryClient();
  const dayId = useId();
  const timeId = useId();
  const timeHintId = useId();
  const problemId = useId();
  // null: something is typed in the day field that is no day.
  const [day, setDay] = useState<string | null>(() => fieldsOf(content.reviewDueAt).day);
  const [time, setTime] = useState(() => fieldsOf(content.reviewDueAt).time);
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (reviewDueAt: string | null) => api<Content>(`contents/${content.id}`, { method: 'PATCH', body: { reviewDueAt } }),
    onSuccess: (answer) => {
      const fields = fieldsOf(answer.reviewDueAt);
      setDay(fields.day);
      setTime(fields.time);
      setTried(false);
      onSaved(answer);
      void queries.invalidateQueries({ queryKey: queryKeys.reviews });
    },
  });
  const due = content.reviewDueAt;
  const overdue = content.status === 'REVIEW' && isPastDue(due);
  const wallTime = timeOfDay(time);
  const instant = day && wallTime ? dueInstantOf(`${day}T${wallTime}`) : null;
  const dayMissing = tried && !day;
  const timeMissing = tried && !wallTime;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
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
        <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
          <div className="flex flex-wrap items-start gap-2">
            <JalaliDatePicker
              id={dayId}
              label={fa.reviews.dueDate}
              value={day ?? ''}
              invalid={dayMissing}
              describedBy={dayMissing ? problemId : undefined}
              onChange={(next) => {
                setDay(next);
                setTried(false);
              }}
            />
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={timeId} className="font-medium text-slate-700">
                {fa.reviews.dueTime}
              </label>
              <input
                id={timeId}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                dir="ltr"
                aria-invalid={timeMissing || undefined}
                aria-describedby={timeMissing ? `${problemId} ${timeHintId}` : timeHintId}
                className="w-28 rounded-lg border border-slate-300 bg-white px-3 py-2 text-right text-base focus:border-indigo-500 focus:outline-none aria-invalid:border-rose-600"
                value={time}
                onChange={(event) => {
                  setTime(event.target.value);
                  setTried(false);
                }}
                onBlur={() => {
                  if (wallTime) setTime(toPersianDigits(wallTime));
                }}
              />
              <span id={timeHintId} className="text-xs text-slate-500">
                {fa.reviews.dueTimeHint} ({fa.reviews.dueHint})
              </span>
            </div>
          </div>
          {dayMissing || timeMissing ? (
            <p id={problemId} className="text-sm text-rose-700">
              {fa.reviews.dueInvalid}
            </p>
          ) : instant ? (
            <p className="text-sm text-slate-600">
              {formatDateTime(instant)} ({fa.reviews.dueHint})
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {fa.reviews.setDue}
            </Button>
            {due ? (
              <Button type="button" variant="secondary" disabled={save.isPending} onClick={() => save.mutate(null)}>
                {fa.reviews.clearDue}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      <ErrorBanner error={save.error} />
    </div>
  );
}
