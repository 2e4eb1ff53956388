import { overdueFilterOf, reviewsPath } from '@/lib/reviews';
import type { ReviewPage } from '@/lib/types';
import { serverApi } from '@/server/server-api';
import { ReviewsInbox } from './reviews-inbox';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/** The review inbox: its first page rendered on the server with the HTML, later ones fetched by the client. */
export default async function ReviewsPage({ searchParams }: Props) {
  const search = await searchParams;
  const filter = overdueFilterOf(one(search.overdue));
  const page = Math.max(1, Number.parseInt(one(search.page) ?? '1', 10) || 1);
  const first = await serverApi<ReviewPage>(reviewsPath(filter, page));
  return <ReviewsInbox first={first && { filter, page, reviews: first }} />;
}
