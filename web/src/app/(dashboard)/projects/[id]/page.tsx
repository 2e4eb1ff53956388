import { contentsQuery } from '@/lib/contents-query';
import type { Content, ContentListItem, Page, Project } from '@/lib/types';
import { serverApi } from '@/server/server-api';
import { ProjectContents } from './project-contents';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Renders the first page of the list on the server, so it is on screen with the HTML. No Suspense
 * boundary here: React would stream the rows hidden and reveal them up to 300 ms after the first
 * paint. Only the fields a row shows travel in the page's payload.
 */
export default async function ProjectPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const { query } = contentsQuery({ get: (name) => (typeof search[name] === 'string' ? (search[name] as string) : null) });
  const [project, contents] = await Promise.all([serverApi<Project>(`projects/${id}`), serverApi<Page<Content>>(`projects/${id}/contents?${query}`)]);
  const rows: Page<ContentListItem> | undefined = contents && { ...contents, items: contents.items.map(({ id, title, status, createdAt }) => ({ id, title, status, createdAt })) };
  return <ProjectContents first={{ project, contents: rows, query }} />;
}
