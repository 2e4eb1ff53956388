import { reads } from '@/lib/queries';
import type { Me, Workspace } from '@/lib/types';
import { Prefetched } from '@/server/prefetch';
import { serverApi } from '@/server/server-api';
import { HomePage } from './home-page';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);

/**
 * The overview, rendered on the server: the organizations come with the layout's /me, and this page
 * reads the chosen organization's workspaces and the chosen workspace's projects (one of another
 * organization shows the not-found or forbidden page). Without ?org= or ?workspace= the page picks
 * the first, as the client does, so the server first asks which one that is.
 */
export default async function Home({ searchParams }: Props) {
  const search = await searchParams;
  const org = one(search.org);
  const workspace = one(search.workspace);
  const organizationId = org ?? (await serverApi<Me>(reads.me().path))?.memberships[0]?.organizationId;
  const workspaceId = workspace ?? (organizationId ? (await serverApi<Workspace[]>(reads.workspaces(organizationId).path))?.[0]?.id : undefined);
  return (
    <Prefetched reads={[...(organizationId ? [reads.workspaces(organizationId)] : []), ...(workspaceId ? [reads.projects(workspaceId)] : [])]}>
      <HomePage org={org} workspace={workspace} />
    </Prefetched>
  );
}
