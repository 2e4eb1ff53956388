/** How an organization's usage months are cut: UTC calendar months, or Persian months in Tehran time. */
export const USAGE_CALENDARS = ['gregorian', 'jalali'] as const;
export type UsageCalendar = (typeof USAGE_CALENDARS)[number];

export function isUsageCalendar(value: unknown): value is UsageCalendar {
  return typeof value === 'string' && (USAGE_CALENDARS as readonly string[]).includes(value);
}

/** Iran has kept UTC+03:30 all year since daylight saving time was abolished in 2022. */
export const TEHRAN_UTC_OFFSET_MINUTES = 210;

/** Minutes east of UTC of the time zone whose midnights start the calendar's days and months. */
export function utcOffsetMinutesOf(calendar: UsageCalendar): number {
  return calendar === 'jalali' ? TEHRAN_UTC_OFFSET_MINUTES : 0;
}

/**
 * Gregorian ↔ Jalali civil-date conversion. `jalaali-js` satisfies it; the domain takes it as a
 * parameter so that it stays plain TypeScript with no library import.
 */
export interface JalaliConversion {
  toJalaali(gy: number, gm: number, gd: number): { jy: number; jm: number; jd: number };
  toGregorian(jy: number, jm: number, jd: number): { gy: number; gm: number; gd: number };
}

const MINUTE_MS = 60_000;

/**
 * One calendar month of usage, `[start, end)`: limits apply to it and reports default to it.
 * Gregorian months start at 00:00 UTC on the 1st; Jalali months at 00:00 Asia/Tehran on the 1st
 * (1 Farvardin is Nowruz; Esfand has 29 days, 30 in a leap year).
 */
export class UsagePeriod {
  private constructor(
    readonly calendar: UsageCalendar,
    readonly start: Date,
    readonly end: Date,
  ) {}

  static containing(instant: Date, calendar: UsageCalendar, jalali: JalaliConversion): UsagePeriod {
    if (calendar === 'gregorian') {
      const year = instant.getUTCFullYear();
      const month = instant.getUTCMonth();
      return new UsagePeriod(calendar, new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 1)));
    }
    const local = new Date(instant.getTime() + TEHRAN_UTC_OFFSET_MINUTES * MINUTE_MS);
    const { jy, jm } = jalali.toJalaali(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
    const next = jm === 12 ? { jy: jy + 1, jm: 1 } : { jy, jm: jm + 1 };
    const firstDay = (year: number, month: number): Date => {
      const { gy, gm, gd } = jalali.toGregorian(year, month, 1);
      return startOfLocalDay(gy, gm, gd, calendar);
    };
    return new UsagePeriod(calendar, firstDay(jy, jm), firstDay(next.jy, next.jm));
  }

  contains(instant: Date): boolean {
    return instant.getTime() >= this.start.getTime() && instant.getTime() < this.end.getTime();
  }

  equals(other: UsagePeriod): boolean {
    return (
      other.calendar === this.calendar &&
      other.start.getTime() === this.start.getTime() &&
      other.end.getTime() === this.end.getTime()
    );
  }

  toJSON(): { start: string; end: string } {
    return { start: this.start.toISOString(), end: this.end.toISOString() };
  }
}

/** 00:00 of the Gregorian civil date `year-month-day` in the calendar's time zone, as an instant. */
export function startOfLocalDay(year: number, month: number, day: number, calendar: UsageCalendar): Date {
  return new Date(Date.UTC(year, month - 1, day) - utcOffsetMinutesOf(calendar) * MINUTE_MS);
}
