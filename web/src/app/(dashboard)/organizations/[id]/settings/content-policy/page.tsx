import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { ContentPolicyPage } from './content-policy-page';

type Props = { params: Promise<{ id: string }> };

/** The content policy's cost ceiling and model allow-list, rendered on the server: members read it, ADMINs change it. */
export default async function OrganizationContentPolicyPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id), reads.contentPolicy(id)]}>
      <ContentPolicyPage id={id} />
    </Prefetched>
  );
}
