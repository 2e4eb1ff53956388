import { reads } from '@/lib/queries';
import { editorialReportQuery, searchParamsOf } from '@/lib/report-query';
import { Prefetched } from '@/server/prefetch';
import { EditorialAnalyticsPage } from './editorial-analytics-page';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The editorial analytics of the window and grouping in the URL, rendered on the server; ADMINs only, so the report is optional (others are told it is for admins). */
export default async function OrganizationAnalyticsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { groupBy, query } = editorialReportQuery(searchParamsOf(await searchParams));
  const names = groupBy === 'author' ? [reads.members(id)] : groupBy === 'project' ? [reads.workspaces(id)] : [];
  return (
    <Prefetched reads={[reads.organization(id)]} optional={[reads.editorialAnalytics(id, query), ...names]}>
      <EditorialAnalyticsPage id={id} />
    </Prefetched>
  );
}
