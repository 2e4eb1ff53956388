import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { SettingsPage } from './settings-page';

type Props = { params: Promise<{ id: string }> };

/** The organization's settings, rendered on the server: every member sees them, ADMINs change them. */
export default async function OrganizationSettingsPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id)]}>
      <SettingsPage id={id} />
    </Prefetched>
  );
}
