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

// The Persian calendar of Intl (ICU), as formatDate shows it: no calendar library in the first load.
const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const DAY_MS = 86_400_000;

type JalaliDay = { year: number; month: number; day: number };

/** The Jalali day of a UTC instant (read at noon, so no clock change moves it). */
function jalaliOf(instant: number): JalaliDay {
  const parts = Object.fromEntries(persianParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const isoDayOfInstant = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** `2026-12-07` → `۱۴۰۵/۰۹/۱۶`; '' for anything that is not a day. */
export function jalaliOfIsoDay(iso: string): string {
  if (!dateOfIsoDay(iso)) return '';
  const { year, month, day } = jalaliOf(Date.parse(`${iso}T12:00:00Z`));
  return toPersianDigits(`${year}/${pad(month)}/${pad(day)}`);
}

/** Days from 1 Farvardin to a Jalali month and day: six months of 31 days, then months of 30. */
const dayOfYear = (month: number, day: number) => (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;

/**
 * What someone typed as a Jalali date, in Persian, Arabic-Indic or Latin digits (`۱۴۰۵/۰۹/۱۶`,
 * `١٤٠٥/٠٩/١٦`, `1405/9/16`) → its `YYYY-MM-DD`; null when it is no such day (1405/13/01, 1404/12/30).
 */
export function isoDayOfJalali(typed: string): string | null {
  const match = TYPED_DAY.exec(toLatinDigits(typed.trim()));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // 1 Farvardin falls on 20–22 March (Gregorian year + 621): guess from 21 March, then step towards the day Intl names.
  let instant = Date.UTC(year + 621, 2, 21, 12) + dayOfYear(month, day) * DAY_MS;
  for (let step = 0; step < 4; step++) {
    const found = jalaliOf(instant);
    const ahead = found.year - year || found.month - month || found.day - day;
    if (ahead === 0) return isoDayOfInstant(instant);
    instant -= Math.sign(ahead) * DAY_MS;
  }
  // An impossible day (1404/12/30) is stepped over, back and forth: it never existed.
  return null;
}
