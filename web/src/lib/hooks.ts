'use client';

import { useQueries } from '@tanstack/react-query';
import { api } from './api';
import { reads } from './queries';
import type { Role, Workspace } from './types';
import { useRead } from './use-read';

/** The signed-in user and their memberships; the dashboard's layout renders it on the server, so it is there on first paint. */
export function useMe() {
  return useRead(reads.me());
}

/** The caller's role in an organization (a project or prompt names its organization), from /me alone. */
export function useOrganizationRole(organizationId: string | undefined): Role | undefined {
  return useMe().data?.memberships.find((membership) => membership.organizationId === organizationId)?.role;
}

/**
 * The organization (and the caller's role in it) that owns a workspace, found among the caller's
 * memberships: one read per organization, so only for pages that know no more than a workspace id.
 */
export function useWorkspaceAccess(workspaceId: string | undefined): { organizationId?: string; role?: Role; loading: boolean } {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const lists = useQueries({
    queries: memberships.map((membership) => {
      const read = reads.workspaces(membership.organizationId);
      return { queryKey: read.queryKey, queryFn: () => api<Workspace[]>(read.path), enabled: Boolean(workspaceId) };
    }),
  });
  const index = lists.findIndex((list) => list.data?.some((workspace) => workspace.id === workspaceId));
  const membership = index >= 0 ? memberships[index] : undefined;
  return { organizationId: membership?.organizationId, role: membership?.role, loading: me.isLoading || lists.some((list) => list.isLoading) };
}

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export function can(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}
