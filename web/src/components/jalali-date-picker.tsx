'use client';

import { CalendarDays } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { isoDayOfJalali, jalaliOfIsoDay } from '@/lib/jalali';
import { fa } from '@/messages/fa';

const loadCalendar = () => import('./jalali-calendar');
const JalaliCalendar = dynamic(loadCalendar, {
  ssr: false,
  loading: () => (
    <p role="status" className="p-3 text-slate-500">
      {fa.loading}
    </p>
  ),
});

type Props = {
  id: string;
  label: string;
  /** The API's day, `YYYY-MM-DD` (Gregorian), or '' for none. */
  value: string;
  /** The day typed or picked as `YYYY-MM-DD`, '' when the field is emptied, null while what is typed is no day. */
  onChange: (value: string | null) => void;
  /** Marked wrong by the form around it (a day it needs and did not get), described by `describedBy`. */
  invalid?: boolean;
  describedBy?: string;
  className?: string;
};

/**
 * A date field in the Jalali calendar: shows the day as ۱۴۰۵/۰۹/۱۶, takes a day typed as
 * year/month/day in Persian, Arabic-Indic or Latin digits, and offers a calendar beside it. Values in
 * and out are the API's Gregorian `YYYY-MM-DD`, so a page keeps its URL and its queries as they were.
 */
export function JalaliDatePicker({ id, label, value, onChange, invalid: invalidHere = false, describedBy, className = '' }: Props) {
  const hintId = useId();
  const errorId = useId();
  const popoverId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(() => jalaliOfIsoDay(value));
  const [shown, setShown] = useState(value);
  const [checked, setChecked] = useState(false);
  const [open, setOpen] = useState(false);

  // A value set from outside (a preset, a saved answer) replaces what is in the field; the field's own, echoed back, does not.
  if (value !== shown) {
    setShown(value);
    if (value !== (isoDayOfJalali(text) ?? '')) setText(jalaliOfIsoDay(value));
  }

  const notADay = checked && text.trim() !== '' && isoDayOfJalali(text) === null;
  const describers = [notADay ? errorId : '', describedBy ?? '', hintId].filter(Boolean).join(' ');

  function type(next: string) {
    setText(next);
    setChecked(false);
    const day = next.trim() === '' ? '' : isoDayOfJalali(next);
    if (day !== null) setShown(day);
    onChange(day);
  }

  /** Leaving the field, or Enter: a day is written out in full, anything else is marked. */
  function settle() {
    setChecked(true);
    const day = isoDayOfJalali(text);
    if (day) setText(jalaliOfIsoDay(day));
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) toggle.current?.focus();
  }

  function pick(day: string) {
    setText(jalaliOfIsoDay(day));
    setShown(day);
    setChecked(false);
    onChange(day);
    close(true);
  }

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onPopoverKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close(true);
  };
  // Tabbing out closes the calendar; a click on its blank parts moves focus nowhere and keeps it open.
  const onPopoverBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !root.current?.contains(next)) setOpen(false);
  };

  return (
    <div ref={root} className={`relative flex flex-col gap-1 text-sm ${className}`}>
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-stretch gap-1">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          aria-invalid={notADay || invalidHere || undefined}
          aria-describedby={describers}
          className="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-right text-base focus:border-indigo-500 focus:outline-none aria-invalid:border-rose-600"
          value={text}
          onChange={(event) => type(event.target.value)}
          onBlur={settle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') settle();
          }}
        />
        <button
          ref={toggle}
          type="button"
          aria-label={fa.datePicker.open(label)}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popoverId : undefined}
          onPointerEnter={() => void loadCalendar()}
          onFocus={() => void loadCalendar()}
          onClick={() => setOpen((was) => !was)}
          className="shrink-0 rounded-lg px-2 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <CalendarDays aria-hidden className="size-5" />
        </button>
      </div>
      {notADay ? (
        <span id={errorId} className="text-xs text-rose-700">
          {fa.datePicker.invalid}
        </span>
      ) : null}
      <span id={hintId} className="text-xs text-slate-500">
        {fa.datePicker.hint}
      </span>
      {open ? (
        <div id={popoverId} role="dialog" aria-label={fa.datePicker.calendar(label)} onKeyDown={onPopoverKey} onBlur={onPopoverBlur} className="absolute start-0 top-full z-30 mt-1 w-max rounded-xl bg-white p-3 shadow-lg ring-1 ring-slate-200">
          <JalaliCalendar selected={shown} onPick={pick} />
        </div>
      ) : null}
    </div>
  );
}
