import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { MembersPage } from './members-page';

type Props = { params: Promise<{ id: string }> };

/** An organization's members, rendered on the server; every member reads the list, ADMINs change it. */
export default async function OrganizationMembersPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id), reads.members(id)]}>
      <MembersPage id={id} />
    </Prefetched>
  );
}
