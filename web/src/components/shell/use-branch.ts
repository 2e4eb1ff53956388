'use client';

import { useMe, useWorkspaceAccess } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import { useCachedRead } from '@/lib/use-cached-read';
import { useRead } from '@/lib/use-read';
import type { ShellRoute } from './route';

type Node = { id: string; name?: string };

/** The organization → workspace → project → content the current page sits in; a name is undefined while it is read. */
export type Branch = { organization?: Node; workspace?: Node; project?: Node; content?: Node };

/**
 * The current page's ancestors, found with the reads the pages themselves make (same cache entries,
 * so nothing is fetched twice): a content names its project and workspace, a project its
 * organization, a workspace is looked up in its organization's list (rendered with the layout).
 */
export function useBranch(route: ShellRoute): Branch {
  const me = useMe();
  const contentId = route.kind === 'content' ? route.contentId : undefined;
  // The page itself reads its content and project (on the server first): the shell only looks in the
  // cache, never creating their entries before the page's server data is hydrated into them.
  const content = { data: useCachedRead(contentId ? reads.content(contentId) : undefined) };
  const projectId = route.kind === 'project' ? route.projectId : contentId ? content.data?.projectId : undefined;
  const project = { data: useCachedRead(projectId ? reads.project(projectId) : undefined) };
  const promptsOf = route.kind === 'prompts' ? route.workspaceId : undefined;
  const access = useWorkspaceAccess(promptsOf);

  const organizationId = route.kind === 'organization' ? route.organizationId : (projectId ? project.data?.organizationId : undefined) ?? access.organizationId;
  const workspaceId = promptsOf ?? (projectId ? (project.data?.workspaceId ?? content.data?.workspaceId) : undefined);
  const workspaces = useRead(reads.workspaces(organizationId ?? ''), { enabled: Boolean(organizationId && workspaceId) });

  const membership = me.data?.memberships.find((one) => one.organizationId === organizationId);
  return {
    organization: organizationId ? { id: organizationId, name: membership?.organizationName } : undefined,
    workspace: workspaceId ? { id: workspaceId, name: workspaces.data?.find((one) => one.id === workspaceId)?.name } : undefined,
    project: projectId ? { id: projectId, name: project.data?.name } : undefined,
    content: contentId ? { id: contentId, name: content.data?.title } : undefined,
  };
}
