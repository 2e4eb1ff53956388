import { reads } from '@/lib/queries';
import type { Content } from '@/lib/types';
import { Prefetched } from '@/server/prefetch';
import { serverRead } from '@/server/server-read';
import { ContentPage } from './content-page';

type Props = { params: Promise<{ id: string }> };

/**
 * A content, its versions, its comments and its project rendered on the server: the body is on
 * screen with the HTML, and so are the actions the caller's role allows (the role comes from the
 * project's organization). Another organization's content answers 404, as a missing one does: the
 * not-found page.
 */
export default async function Page({ params }: Props) {
  const { id } = await params;
  // Prefetched reads the content again from the same request's cache: the project needs its id first.
  const content = await serverRead<Content>(reads.content(id).path);
  const project = content.ok ? [reads.project(content.data.projectId)] : [];
  return (
    <Prefetched reads={[reads.content(id), reads.versions(id)]} optional={[reads.comments(id), reads.me(), ...project]}>
      <ContentPage id={id} />
    </Prefetched>
  );
}
