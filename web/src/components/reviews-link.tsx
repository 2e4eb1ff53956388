'use client';

import Link from 'next/link';
import { formatNumber } from '@/lib/format';
import { useMe } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** How often the count is read while the tab is visible; also on returning to the tab and after a decision. */
export const REVIEWS_POLL_MS = 60_000;

/** The count as the badge shows it: Persian digits, «۹۹+» beyond 99. */
export function badgeText(count: number): string {
  return count > 99 ? `${formatNumber(99)}+` : formatNumber(count);
}

/**
 * How many contents wait for the caller's review (the inbox's total, from its smallest page), polled;
 * null for someone who is ADMIN nowhere: their inbox is always empty, and is not asked.
 */
export function useReviewsWaiting(): number | null {
  const me = useMe();
  const admin = me.data?.memberships.some((membership) => membership.role === 'ADMIN') ?? false;
  const waiting = useRead(reads.reviewsCount(), {
    select: (page) => page.total,
    enabled: admin,
    refetchInterval: REVIEWS_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  return admin ? (waiting.data ?? 0) : null;
}

/** The navigation's link to the review inbox with how many contents wait; shown to ADMINs of at least one organization. */
export function ReviewsLink({ current = false, onNavigate }: { current?: boolean; onNavigate?: () => void }) {
  const count = useReviewsWaiting();
  if (count === null) return null;
  return (
    <Link
      href="/reviews"
      onClick={onNavigate}
      aria-current={current ? 'page' : undefined}
      className="flex items-center justify-between gap-1.5 rounded-lg px-3 py-1.5 text-indigo-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-bold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {fa.shell.reviews}
      {count > 0 ? (
        <>
          <span data-testid="reviews-count" aria-hidden="true" className="min-w-5 rounded-full bg-amber-500 px-1.5 text-center text-xs leading-5 font-bold text-white">
            {badgeText(count)}
          </span>
          {/* The name says the count in words; the badge shows it (its visible text stays part of the name). */}
          <span className="sr-only">{fa.shell.reviewsWaiting(badgeText(count))}</span>
        </>
      ) : null}
    </Link>
  );
}
