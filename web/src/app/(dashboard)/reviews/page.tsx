import { reads } from '@/lib/queries';
import { pageNumberOf } from '@/lib/page-number';
import { overdueFilterOf } from '@/lib/reviews';
import { Prefetched } from '@/server/prefetch';
import { ReviewsInbox } from './reviews-inbox';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/** The review inbox: the page the URL names rendered on the server with the HTML, later ones fetched by the client. */
export default async function ReviewsPage({ searchParams }: Props) {
  const search = await searchParams;
  return (
    <Prefetched reads={[reads.reviews(overdueFilterOf(one(search.overdue)), pageNumberOf(one(search.page)))]}>
      <ReviewsInbox />
    </Prefetched>
  );
}
