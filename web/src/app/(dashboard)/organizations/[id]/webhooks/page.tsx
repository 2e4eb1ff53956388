import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { WebhooksPage } from './webhooks-page';

type Props = { params: Promise<{ id: string }> };

/** An organization's webhooks, rendered on the server. ADMINs only, as the API: anyone else gets the forbidden page. */
export default async function OrganizationWebhooksPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.organization(id), reads.webhooks(id)]}>
      <WebhooksPage id={id} />
    </Prefetched>
  );
}
