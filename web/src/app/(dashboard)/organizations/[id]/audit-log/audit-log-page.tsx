'use client';

import { OrganizationHeading } from '@/components/organization-heading';
import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pageNumberOf } from '@/lib/page-number';
import { reads } from '@/lib/queries';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { fa } from '@/messages/fa';
import { Pagination } from '@/components/pagination';

const PAGE_SIZE = 50;
const LTR = 'font-mono [unicode-bidi:isolate]';

/** Security-relevant actions in the organization, newest first; the page lives in the URL. Actions, addresses and ids are codes: left to right, isolated. */
/** One labelled detail of an entry (a target type, an address, a request id): an identifier, left to right. */
function AuditDetail({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <span className="text-xs text-slate-600">
      {label}{' '}
      <bdi dir="ltr" className="font-mono">
        {value}
      </bdi>
    </span>
  );
}

export function AuditLogPage({ id }: { id: string }) {
  const [params, go] = useSearchParamState();
  const page = pageNumberOf(params.get('page'));
  const organization = useRead(reads.organization(id));
  const log = useRead(reads.audit(id, page));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE_SIZE));
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.audit.title} organization={organization.data} intro={fa.audit.intro} />
      <ErrorBanner error={log.error} />
      <Card>
        {log.isLoading ? <Loading /> : null}
        {log.data && !log.data.items.length ? <Empty>{fa.audit.empty}</Empty> : null}
        <ul className="divide-y divide-slate-100 text-sm" data-testid="audit-log">
          {log.data?.items.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
              <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <code dir="ltr" className={`rounded bg-slate-100 px-1 text-slate-800 ${LTR}`}>
                  {entry.action}
                </code>
                <AuditDetail label={fa.audit.target} value={entry.targetType} />
                <AuditDetail label={fa.audit.ip} value={entry.ip} />
                <AuditDetail label={fa.audit.request} value={entry.requestId} />
              </span>
              <time dateTime={entry.createdAt} className="text-slate-600">
                {formatDateTime(entry.createdAt)}
              </time>
            </li>
          ))}
        </ul>
        <Pagination page={page} pages={pages} onPage={(next) => go({ page: String(next) })} />
      </Card>
    </div>
  );
}
