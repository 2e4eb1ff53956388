// The review inbox (GET /me/reviews) and review due dates, shared by the inbox page, the navigation's
// count and the content page's due-date field. Their cache keys are in queries.ts (queryKeys.reviews…).

export const REVIEWS_PAGE_SIZE = 20;

export type OverdueFilter = 'all' | 'overdue' | 'onTime';

/** The API path of a page of the inbox; `overdue` only when a filter is chosen. */
export function reviewsPath(filter: OverdueFilter, page: number, limit = REVIEWS_PAGE_SIZE): string {
  const query = new URLSearchParams({ page: String(page), limit: String(limit) });
  if (filter !== 'all') query.set('overdue', filter === 'overdue' ? 'true' : 'false');
  return `me/reviews?${query.toString()}`;
}

/** The inbox filter a `?overdue=` URL parameter names ("all" for anything else). */
export function overdueFilterOf(value: string | null | undefined): OverdueFilter {
  return value === 'overdue' || value === 'onTime' ? value : 'all';
}

/**
 * Due dates are entered and shown in Tehran time, as every date of the dashboard is shown: Iran keeps
 * +03:30 all year (no daylight saving since 1401), so a `datetime-local` value is that wall time.
 */
const TEHRAN_OFFSET = '+03:30';
const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;

/** `2026-12-01T17:00` (Tehran) → `2026-12-01T17:00:00+03:30`, the instant with its offset the API takes; null when not a full date and time. */
export function dueInstantOf(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const instant = `${local.trim()}:00${TEHRAN_OFFSET}`;
  return Number.isNaN(Date.parse(instant)) ? null : instant;
}

/** An instant → the `datetime-local` value of its Tehran wall time (`2026-12-01T17:00`). */
export function localInputOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + TEHRAN_OFFSET_MS).toISOString().slice(0, 16);
}

/** Past due at `now`: the API's own `overdue` rule (strictly after the due instant). */
export function isPastDue(reviewDueAt: string | null | undefined, now: number = Date.now()): boolean {
  return Boolean(reviewDueAt) && Date.parse(reviewDueAt as string) < now;
}
