import { contentsQuery } from '@/lib/contents-query';
import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { ProjectContents } from './project-contents';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The project and the page of its contents the URL asks for, rendered on the server, so the rows are
 * on screen with the HTML; later pages and filters are fetched by the client. No Suspense boundary
 * here: React would stream the rows hidden and reveal them up to 300 ms after the first paint.
 */
export default async function ProjectPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const { query } = contentsQuery({ get: (name) => (typeof search[name] === 'string' ? (search[name] as string) : null) });
  return (
    <Prefetched reads={[reads.project(id), reads.contents(id, query)]}>
      <ProjectContents id={id} />
    </Prefetched>
  );
}
