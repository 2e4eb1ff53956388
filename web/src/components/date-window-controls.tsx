'use client';

import { useSyncExternalStore } from 'react';
import { formatDate } from '@/lib/format';
import { dateOfIsoDay, isoDayOf } from '@/lib/jalali';
import { matchingPreset, presetRange, RANGE_PRESETS, type RangePreset } from '@/lib/usage-range';
import { fa } from '@/messages/fa';
import { JalaliDatePicker } from './jalali-date-picker';

type Props = {
  /** Tells the fields of one page from another's: `usage` gives `usage-from` and `usage-to`. */
  idPrefix: string;
  /** The URL's window, `YYYY-MM-DD` or '' (the API's current period). */
  from: string;
  to: string;
  /** Writes window changes to the URL ('' removes one). */
  onChange: (changes: { from?: string; to?: string }) => void;
  /** The window the API answered for (`to` exclusive), said in words under the fields. */
  answered?: { from: string; to: string };
  answeredTestId?: string;
};

const never = () => () => undefined;

/** Today as the browser sees it; null while the server's HTML is hydrated, whose clock and time zone may be another day's. */
function useToday(): Date | null {
  const day = useSyncExternalStore(never, () => isoDayOf(new Date()), () => null);
  return day ? (dateOfIsoDay(day) ?? null) : null;
}

/** A report's window, shared by the usage and editorial pages: presets, or two Jalali dates. */
export function DateWindowControls({ idPrefix, from, to, onChange, answered, answeredTestId }: Props) {
  const today = useToday();
  // The current period needs no clock; the other presets are marked once the browser's today is known.
  const preset = !from && !to ? 'period' : today ? matchingPreset(from, to, today) : null;
  const choosePreset = (chosen: RangePreset) => {
    const range = presetRange(chosen);
    onChange({ from: range?.from ?? '', to: range?.to ?? '' });
  };
  return (
    <div>
      <div className="flex flex-wrap gap-2" role="group" aria-label={fa.usage.range}>
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={preset === value}
            onClick={() => choosePreset(value)}
            className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${preset === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
          >
            {fa.usage.presets[value]}
          </button>
        ))}
      </div>
      <div className="mt-3 grid grid-cols-1 gap-2 sm:max-w-md sm:grid-cols-2">
        <JalaliDatePicker id={`${idPrefix}-from`} label={fa.project.from} value={from} onChange={(day) => day !== null && onChange({ from: day })} />
        <JalaliDatePicker id={`${idPrefix}-to`} label={fa.project.to} value={to} onChange={(day) => day !== null && onChange({ to: day })} />
      </div>
      {answered ? (
        <p className="mt-2 text-sm text-slate-500" data-testid={answeredTestId}>
          {/* The API's `to` is the start of the day after the window. */}
          {fa.usage.window(formatDate(answered.from), formatDate(new Date(new Date(answered.to).getTime() - 1).toISOString()))}
        </p>
      ) : null}
    </div>
  );
}
