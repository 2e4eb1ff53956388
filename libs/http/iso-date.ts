import { ValidateBy } from 'class-validator';

/** `2026-03-21`: a calendar date, ISO 8601's extended form. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `2026-03-21T10:00:00Z`, `…T10:00+03:30`: an instant, with its offset (a date-time without one is ambiguous). */
export const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether the year, month and day name a day that exists (no 2026-02-30). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Only the two forms the API documents: a date or an instant with an offset. Other ISO 8601 forms
 * (`20261101`, `2026-W01`, `2026-123`) are refused: JavaScript's Date cannot read them.
 */
export function isIsoDateOrInstant(text: string): boolean {
  const parts = ISO_DATE.exec(text) ?? ISO_INSTANT.exec(text);
  if (!parts || !isRealDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return false;
  return !Number.isNaN(new Date(text).getTime());
}

export const IsIsoDateOrInstant = () =>
  ValidateBy({
    name: 'isIsoDateOrInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDateOrInstant(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO date (2026-03-21) or an ISO date-time with an offset (2026-03-21T10:00:00Z)`,
    },
  });

/** An instant with its offset only (`2026-03-21T10:00:00+03:30`): a date alone would leave its time and zone to guess. */
export function isIsoInstant(text: string): boolean {
  const parts = ISO_INSTANT.exec(text);
  if (!parts || !isRealDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return false;
  return !Number.isNaN(new Date(text).getTime());
}

export const IsIsoInstant = () =>
  ValidateBy({
    name: 'isIsoInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoInstant(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO date-time with an offset (2026-03-21T10:00:00Z or 2026-03-21T13:30:00+03:30)`,
    },
  });
