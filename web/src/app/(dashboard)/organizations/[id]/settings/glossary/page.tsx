import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { GlossaryPage } from './glossary-page';

type Props = { params: Promise<{ id: string }> };

/** The organization's glossary, rendered on the server: members read it, ADMINs edit it. */
export default async function OrganizationGlossaryPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id), reads.glossary(id)]}>
      <GlossaryPage id={id} />
    </Prefetched>
  );
}
