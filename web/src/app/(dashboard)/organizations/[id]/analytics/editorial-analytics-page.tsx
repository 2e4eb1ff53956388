'use client';

import { DateWindowControls } from '@/components/date-window-controls';
import { LazyDecisionChart } from '@/components/lazy-charts';
import { OrganizationHeading } from '@/components/organization-heading';
import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { can } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import { EDITORIAL_GROUPS, editorialReportQuery } from '@/lib/report-query';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { directionOf, useUsageGroupLabels, type GroupLabel } from '@/lib/usage-group-labels';
import { fa } from '@/messages/fa';
import { EditorialGroupsTable } from './editorial-groups-table';
import { EditorialRejections, EditorialTotals } from './editorial-totals';

/** The usage page's group names for the same keys: its labels hook reads members for `user`. */
const LABEL_GROUPS: Record<string, string> = { project: 'project', author: 'user', model: 'model' };
const HAND_WRITTEN: GroupLabel = { text: fa.editorial.handWritten, dir: 'auto' };

/** Labels under bars stay short; the table has them whole. */
const shorten = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

/** What the organization's editors made, approved and rejected in a window, by project, author or model. ADMINs only. */
export function EditorialAnalyticsPage({ id }: { id: string }) {
  const organization = useRead(reads.organization(id));
  const admin = can(organization.data?.role, 'ADMIN');
  const [params, go] = useSearchParamState();
  // The grouping and the window live in the URL, so a view can be shared.
  const { groupBy, from, to, query } = editorialReportQuery(params);
  const labels = useUsageGroupLabels(id, LABEL_GROUPS[groupBy] ?? '');
  const labelOf = (key: string | null) => (key === null ? HAND_WRITTEN : labels(key));
  const report = useRead(reads.editorialAnalytics(id, query), { enabled: admin, placeholderData: (previous) => previous });
  if (organization.isLoading) return <Loading />;
  if (organization.error) return <ErrorBanner error={organization.error} />;
  if (!admin)
    return (
      <div className="flex flex-col gap-4">
        <OrganizationHeading title={fa.editorial.title} organization={organization.data} />
        <Empty>{fa.editorial.adminOnly}</Empty>
      </div>
    );
  const data = report.data;
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.editorial.title} organization={organization.data} intro={fa.editorial.intro} />
      <ErrorBanner error={report.error} />
      <Card>
        <DateWindowControls idPrefix="editorial" from={from} to={to} onChange={go} answered={data} answeredTestId="editorial-window" />
      </Card>
      {report.isLoading ? <Loading /> : null}
      {data ? (
        <>
          <Card>
            <EditorialTotals totals={data.totals} />
            <div className="mt-4">
              <EditorialRejections counts={data.totals.rejectionsByCategory} />
            </div>
          </Card>
          <Card>
            <div className="mb-3 flex flex-wrap items-center gap-2" role="group" aria-label={fa.editorial.groupBy}>
              {['', ...EDITORIAL_GROUPS].map((group) => (
                <button
                  key={group || 'none'}
                  type="button"
                  aria-pressed={groupBy === group}
                  onClick={() => go({ groupBy: group })}
                  className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${groupBy === group ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
                >
                  {fa.editorial.groups[group || 'none']}
                </button>
              ))}
            </div>
            {groupBy && !data.groups.length ? <Empty>{fa.editorial.empty}</Empty> : null}
            {data.groups.length ? (
              <>
                <h2 className="sr-only">{fa.editorial.chart}</h2>
                <LazyDecisionChart
                  points={data.groups.map((group) => {
                    const label = labelOf(group.key);
                    return { label: shorten(label.text), direction: directionOf(label), approved: group.approved, rejected: group.rejected };
                  })}
                  names={{ approved: fa.editorial.approved, rejected: fa.editorial.rejected }}
                />
                <EditorialGroupsTable groups={data.groups} labelOf={labelOf} />
              </>
            ) : null}
          </Card>
        </>
      ) : null}
    </div>
  );
}
