import { Suspense } from 'react';
import { Loading } from '@/components/ui';
import { contentsQuery } from '@/lib/contents-query';
import type { Content, Page, Project } from '@/lib/types';
import { serverApi } from '@/server/server-api';
import { ProjectContents } from './project-contents';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Renders the first page of the list on the server, so it is on screen with the HTML. */
export default async function ProjectPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const { query } = contentsQuery({ get: (name) => (typeof search[name] === 'string' ? (search[name] as string) : null) });
  const [project, contents] = await Promise.all([serverApi<Project>(`projects/${id}`), serverApi<Page<Content>>(`projects/${id}/contents?${query}`)]);
  return (
    <Suspense fallback={<Loading />}>
      <ProjectContents first={{ project, contents, query }} />
    </Suspense>
  );
}
