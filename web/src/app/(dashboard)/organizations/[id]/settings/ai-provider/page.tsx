import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { AiProviderPage } from './ai-provider-page';

type Props = { params: Promise<{ id: string }> };

/**
 * The organization's own AI provider, rendered on the server. The provider's read is optional: it
 * answers 404 while the organization uses the deployment's (the client reads that as none) and 403
 * to anyone but an ADMIN, who sees the page without it.
 */
export default async function OrganizationAiProviderPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id)]} optional={[reads.aiProvider(id)]}>
      <AiProviderPage id={id} />
    </Prefetched>
  );
}
