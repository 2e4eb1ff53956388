import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { PromptsPage } from './prompts-page';

type Props = { params: Promise<{ id: string }> };

/** A workspace's prompt templates, rendered on the server. */
export default async function WorkspacePromptsPage({ params }: Props) {
  const { id } = await params;
  return (
    <Prefetched reads={[reads.prompts(id)]}>
      <PromptsPage id={id} />
    </Prefetched>
  );
}
