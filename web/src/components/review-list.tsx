import Link from 'next/link';
import { formatDateTime, formatRelativeTime, toPersianDigits } from '@/lib/format';
import type { ReviewItem } from '@/lib/types';
import { fa } from '@/messages/fa';
import { Badge } from './ui';

/**
 * The review inbox's rows, longest waiting first as the API orders them: the title (the user's text,
 * dir="auto") linking to the content, its organization, the version under review, how long it has
 * waited (relative, and the Jalali date on hover), its due date and an «overdue» mark.
 */
export function ReviewList({ items, organizationNames, now = Date.now() }: { items: ReviewItem[]; organizationNames: Map<string, string>; now?: number }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="review-list">
      {items.map((item) => (
        <li key={item.contentId} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between" data-overdue={item.overdue ? 'true' : 'false'}>
          <div className="flex min-w-0 flex-col gap-1">
            <Link href={`/contents/${item.contentId}`} className="font-medium text-indigo-700 underline-offset-4 hover:underline" dir="auto">
              {item.title}
            </Link>
            <span className="text-xs text-slate-500">
              <bdi>{organizationNames.get(item.organizationId) ?? fa.reviews.organization}</bdi>
              {' · '}
              {fa.reviews.version(toPersianDigits(String(item.version)))}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince)}>
              {fa.reviews.waiting(formatRelativeTime(item.waitingSince, now))}
            </time>
            {item.reviewDueAt ? (
              <time dateTime={item.reviewDueAt} className={item.overdue ? 'font-medium text-rose-700' : ''}>
                {fa.reviews.due(formatDateTime(item.reviewDueAt))}
              </time>
            ) : (
              <span className="text-slate-500">{fa.reviews.noDue}</span>
            )}
            {item.overdue ? <Badge tone="amber">{fa.reviews.overdue}</Badge> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
