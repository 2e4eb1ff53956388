import { toLatinDigits } from './format';

/** A time of day typed as hours:minutes in any digit script (`۱۷:۰۰`, `9:30`, `٩:٣٠`) → `HH:mm`; null when it is none. */
export function timeOfDay(typed: string): string | null {
  const match = /^(\d{1,2})\s*[:：٫.]\s*(\d{2})$/.exec(toLatinDigits(typed.trim()));
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
