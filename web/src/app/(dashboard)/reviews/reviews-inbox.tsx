'use client';

import { ReviewList } from '@/components/review-list';
import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { pageNumberOf } from '@/lib/page-number';
import { reads } from '@/lib/queries';
import { overdueFilterOf, REVIEWS_PAGE_SIZE, type OverdueFilter } from '@/lib/reviews';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { fa } from '@/messages/fa';
import { Pagination } from '@/components/pagination';

const FILTERS: OverdueFilter[] = ['all', 'overdue', 'onTime'];

/** Contents waiting for the caller's review, longest waiting first; the filter and page live in the URL. */
export function ReviewsInbox() {
  const [params, go] = useSearchParamState();
  const filter = overdueFilterOf(params.get('overdue'));
  const page = pageNumberOf(params.get('page'));
  const me = useRead(reads.me());
  const reviews = useRead(reads.reviews(filter, page), { refetchOnWindowFocus: true });
  const organizationNames = new Map(me.data?.memberships.map((membership) => [membership.organizationId, membership.organizationName]));
  const pages = Math.max(1, Math.ceil((reviews.data?.total ?? 0) / REVIEWS_PAGE_SIZE));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-bold">{fa.reviews.title}</h1>
        <p className="text-sm text-slate-600">{fa.reviews.intro}</p>
      </div>
      <div role="group" aria-label={fa.reviews.filter} className="flex flex-wrap gap-2">
        {FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={filter === option}
            onClick={() => go({ overdue: option === 'all' ? '' : option, page: '' })}
            className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${filter === option ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-100'}`}
          >
            {fa.reviews.filters[option]}
          </button>
        ))}
      </div>
      <ErrorBanner error={reviews.error} />
      <Card>
        {reviews.isLoading ? <Loading /> : null}
        {reviews.data && !reviews.data.items.length ? <Empty>{filter === 'all' ? fa.reviews.empty : fa.reviews.emptyFiltered}</Empty> : null}
        {reviews.data?.items.length ? <ReviewList items={reviews.data.items} organizationNames={organizationNames} /> : null}
        <Pagination page={page} pages={pages} onPage={(next) => go({ page: String(next) })} />
      </Card>
    </div>
  );
}
