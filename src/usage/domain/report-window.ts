import { FieldInvalidError } from '#libs/ddd';
import { startOfLocalDay, type UsageCalendar, type UsagePeriod } from './usage-period';

/** One end of a report window as the client wrote it: a civil date, or an exact instant. */
export type WindowBound = { date: { year: number; month: number; day: number } } | { instant: Date };

/** The longest window a report may cover: a year in either calendar, with room to spare. */
export const MAX_REPORT_WINDOW_DAYS = 400;
const DAY_MS = 86_400_000;

/**
 * Resolves `[from, to)` for a report. A date means the whole day in the calendar's time zone (UTC
 * for gregorian, Tehran for jalali), so `to` as a date includes that day; an instant is exact and
 * `to` excludes it. A missing `from` is the start of the period that holds `to` (or now); a
 * missing `to` is the end of the current period.
 */
export function resolveReportWindow(
  bounds: { from?: WindowBound; to?: WindowBound },
  calendar: UsageCalendar,
  periodAt: (instant: Date) => UsagePeriod,
  now: Date,
): { from: Date; to: Date } {
  const to = bounds.to ? instantOf(bounds.to, calendar, 1) : periodAt(now).end;
  const from = bounds.from ? instantOf(bounds.from, calendar, 0) : periodAt(new Date(to.getTime() - 1)).start;
  if (from.getTime() >= to.getTime()) throw new FieldInvalidError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_REPORT_WINDOW_DAYS * DAY_MS) {
    throw new FieldInvalidError(
      'to',
      `a report covers at most ${MAX_REPORT_WINDOW_DAYS} days; ask for a shorter window`,
    );
  }
  return { from, to };
}

function instantOf(bound: WindowBound, calendar: UsageCalendar, addDays: number): Date {
  if ('instant' in bound) return bound.instant;
  const { year, month, day } = bound.date;
  return startOfLocalDay(year, month, day + addDays, calendar);
}
