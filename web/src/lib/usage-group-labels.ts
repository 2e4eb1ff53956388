'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from './api';
import { formatDate } from './format';
import type { Member, Project, Workspace } from './types';

/**
 * How a usage group's key reads: a day as a Jalali date, a member by name or phone, a project by
 * name. Keys the organization no longer knows (a removed member, a deleted project) stay as ids.
 */
export function useUsageGroupLabels(organizationId: string, groupBy: string): (key: string) => string {
  const members = useQuery({ queryKey: ['members', organizationId], queryFn: () => api<Member[]>(`organizations/${organizationId}/members`), enabled: groupBy === 'user' });
  const workspaces = useQuery({ queryKey: ['workspaces', organizationId], queryFn: () => api<Workspace[]>(`organizations/${organizationId}/workspaces`), enabled: groupBy === 'project' });
  const projects = useQueries({
    queries: (groupBy === 'project' ? (workspaces.data ?? []) : []).map((workspace) => ({
      queryKey: ['projects', workspace.id],
      queryFn: () => api<Project[]>(`workspaces/${workspace.id}/projects`),
    })),
  });
  const names = new Map<string, string>();
  for (const member of members.data ?? []) names.set(member.userId, member.name ?? member.phone);
  for (const list of projects) for (const project of list.data ?? []) names.set(project.id, project.name);
  return (key) => (groupBy === 'day' ? formatDate(key) : (names.get(key) ?? key));
}
