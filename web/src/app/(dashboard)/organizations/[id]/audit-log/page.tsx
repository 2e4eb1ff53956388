import { pageNumberOf } from '@/lib/page-number';
import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { AuditLogPage } from './audit-log-page';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organization's audit log, the page the URL names rendered on the server. ADMINs only, as the API: anyone else gets the forbidden page. */
export default async function OrganizationAuditLogPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { page } = await searchParams;
  return (
    <Prefetched reads={[reads.organization(id), reads.audit(id, pageNumberOf(typeof page === 'string' ? page : null))]}>
      <AuditLogPage id={id} />
    </Prefetched>
  );
}
