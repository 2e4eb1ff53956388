const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** ۰–۹ and ٠–٩ to 0–9, so inputs typed in any script can be sent to the API. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (char) => {
    const code = char.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

const numbers = new Intl.NumberFormat('fa-IR');

/** 1234567 → ۱٬۲۳۴٬۵۶۷ */
export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** Digits of any text shown in Persian: 12:05 → ۱۲:۰۵ */
export function toPersianDigits(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(PERSIAN_ZERO + Number(digit)));
}

const dates = new Intl.DateTimeFormat('fa-IR', { dateStyle: 'long', timeZone: 'Asia/Tehran' });
const dateTimes = new Intl.DateTimeFormat('fa-IR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tehran' });

/** An ISO instant as a Jalali date: ۳ آذر ۱۴۰۵ */
export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimes.format(new Date(iso));
}

const relative = new Intl.RelativeTimeFormat('fa-IR', { numeric: 'auto' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago an ISO instant was, in Persian (Intl's words): «اکنون» under a minute, then «۵ دقیقه پیش»,
 * «۳ ساعت پیش», «دیروز», «۴ روز پیش»; from a week on, the Jalali date.
 */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - new Date(iso).getTime());
  if (elapsed < MINUTE) return relative.format(0, 'second');
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
  return formatDate(iso);
}

/**
 * The API's decimal USD string ("0.000420") with Persian digits, without passing through a float:
 * at least two decimals, and the significant ones beyond them kept.
 */
export function formatUsd(decimal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  const shown = trimmed.length < 2 ? fraction.slice(0, 2).padEnd(2, '0') : trimmed;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
  return `${sign}$${toPersianDigits(grouped)}٫${toPersianDigits(shown)}`;
}

/** Seconds as m:ss in Persian digits: 95 → ۱:۳۵ */
export function formatCountdown(seconds: number): string {
  const safe = Math.max(0, Math.floor(seconds));
  return toPersianDigits(`${Math.floor(safe / 60)}:${String(safe % 60).padStart(2, '0')}`);
}
