import { getDate, getMonth, getYear, newDate } from 'date-fns-jalali';
import { toLatinDigits, toPersianDigits } from './format';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** yyyy/mm/dd with `/`, `-` or `.` between the parts, one or two digits for month and day. */
const TYPED_DAY = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A calendar day as a local Date at noon: midnight does not exist on some days where clocks once
 * jumped at 00:00 (Tehran until 2022), noon always does.
 */
export function dateOfIsoDay(iso: string): Date | undefined {
  const match = ISO_DAY.exec(iso);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return isoDayOf(date) === iso ? date : undefined;
}

/** The `YYYY-MM-DD` (Gregorian) of a local Date's calendar day, the form the API and the URL use. */
export function isoDayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-12-07` → `۱۴۰۵/۰۹/۱۶`; '' for anything that is not a day. */
export function jalaliOfIsoDay(iso: string): string {
  const date = dateOfIsoDay(iso);
  if (!date) return '';
  return toPersianDigits(`${getYear(date)}/${pad(getMonth(date) + 1)}/${pad(getDate(date))}`);
}

/**
 * What someone typed as a Jalali date, in Persian, Arabic-Indic or Latin digits (`۱۴۰۵/۰۹/۱۶`,
 * `١٤٠٥/٠٩/١٦`, `1405/9/16`) → its `YYYY-MM-DD`; null when it is no such day (1405/13/01, 1404/12/30).
 */
export function isoDayOfJalali(typed: string): string | null {
  const match = TYPED_DAY.exec(toLatinDigits(typed.trim()));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = newDate(year, month - 1, day, 12);
  // The library rolls an impossible day over into the next month: a day that comes back different never existed.
  if (getYear(date) !== year || getMonth(date) !== month - 1 || getDate(date) !== day) return null;
  return isoDayOf(date);
}
