import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { ContentPage } from './content-page';

type Props = { params: Promise<{ id: string }> };

/**
 * A content, its versions and its comments rendered on the server: the body is on screen with the
 * HTML. Another organization's content answers 404, as a missing one does: the not-found page.
 */
export default async function Page({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.content(id), reads.versions(id)]} optional={[reads.comments(id), reads.me()]}>
      <ContentPage id={id} />
    </Prefetched>
  );
}
