'use client';

import { DayPicker } from '@daypicker/persian';
import { dateOfIsoDay, isoDayOf } from '@/lib/jalali';
import { fa } from '@/messages/fa';

// «دوشنبه ۱۶ آذر ۱۴۰۵» for a screen reader, rather than the library's ordinal «۱۶-ام».
// (Intl's own full style puts the year first: «۱۴۰۵ آذر ۱۶, دوشنبه».)
const weekday = new Intl.DateTimeFormat('fa-IR', { weekday: 'long' });
const longDay = new Intl.DateTimeFormat('fa-IR', { dateStyle: 'long' });
const dayLabel = (date: Date, modifiers: { today?: boolean; selected?: boolean } = {}) =>
  [modifiers.today ? fa.datePicker.today : '', `${weekday.format(date)} ${longDay.format(date)}`, modifiers.selected ? fa.datePicker.selected : ''].filter(Boolean).join('، ');

const navButton = 'flex size-9 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-disabled:opacity-50 [&_svg]:size-5 [&_svg]:fill-current';

/**
 * A month of the Persian calendar (DayPicker's Persian build: right to left, Persian digits, weeks
 * from Saturday). Loaded only when a date field's calendar is first opened, so its code stays out
 * of every page's first load. Arrows move between days, Enter or Space picks one.
 */
export default function JalaliCalendar({ selected, onPick }: { selected: string; onPick: (isoDay: string) => void }) {
  const day = dateOfIsoDay(selected);
  return (
    <DayPicker
      mode="single"
      required
      selected={day}
      defaultMonth={day}
      onSelect={(_, picked) => onPick(isoDayOf(picked))}
      weekStartsOn={6}
      navLayout="around"
      autoFocus
      labels={{ labelDayButton: dayLabel, labelGridcell: dayLabel }}
      classNames={{
        root: 'text-sm text-slate-800',
        months: 'flex',
        month: 'grid grid-cols-[auto_1fr_auto] items-center gap-y-2',
        month_caption: 'text-center font-bold',
        button_previous: navButton,
        button_next: navButton,
        month_grid: 'col-span-3 border-collapse',
        weekday: 'size-9 text-xs font-medium text-slate-600',
        day: 'p-0 text-center',
        day_button: 'size-9 rounded-lg hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600',
        selected: '[&>button]:bg-indigo-600 [&>button]:text-white [&>button]:hover:bg-indigo-700',
        today: 'font-bold [&>button]:ring-1 [&>button]:ring-indigo-600',
        outside: 'text-slate-500',
      }}
    />
  );
}
