import { reads } from '@/lib/queries';
import { searchParamsOf, usageReportQuery } from '@/lib/report-query';
import { Prefetched } from '@/server/prefetch';
import { UsagePage } from './usage-page';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An organization's usage, rendered on the server: its limits for every member; the report of the
 * window in the URL, the forecast and the names its groups need only for ADMINs, so those are
 * optional (anyone else is refused them and sees the limits alone).
 */
export default async function OrganizationUsagePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { groupBy, query } = usageReportQuery(searchParamsOf(await searchParams));
  const names = groupBy === 'user' ? [reads.members(id)] : groupBy === 'project' ? [reads.workspaces(id)] : [];
  return (
    <Prefetched reads={[reads.organization(id), reads.limits(id)]} optional={[reads.usage(id, query), reads.forecast(id), ...names]}>
      <UsagePage id={id} />
    </Prefetched>
  );
}
