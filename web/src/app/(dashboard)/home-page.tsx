'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { NameForm } from '@/components/name-form';
import { OrganizationCards } from '@/components/organization-cards';
import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import type { Project, Role, Workspace } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

const LINK = 'rounded text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** The sections of an organization a member may open; the ADMIN-only ones for ADMINs. */
function OrganizationLinks({ organizationId, role }: { organizationId: string; role?: Role }) {
  const links = [
    { href: 'usage', label: fa.shell.usage },
    { href: 'members', label: fa.shell.members },
    ...(can(role, 'ADMIN')
      ? [
          { href: 'analytics', label: fa.shell.analytics },
          { href: 'webhooks', label: fa.shell.webhooks },
          { href: 'audit-log', label: fa.shell.audit },
          { href: 'settings', label: fa.shell.settings },
        ]
      : []),
  ];
  return (
    <nav aria-label={fa.home.organizationLinks}>
      <ul className="flex flex-wrap gap-3 text-sm">
        {links.map((link) => (
          <li key={link.href}>
            <Link className={LINK} href={`/organizations/${organizationId}/${link.href}`}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The overview: the caller's organizations, then the chosen one's workspaces and the chosen
 * workspace's projects, with the forms that create them and empty states that say what comes next.
 * `org` and `workspace` are the URL's choice; without them, the first of each.
 */
export function HomePage({ org, workspace }: { org?: string; workspace?: string }) {
  const router = useRouter();
  const queries = useQueryClient();
  const me = useRead(reads.me());
  const memberships = me.data?.memberships ?? [];
  const orgId = org ?? memberships[0]?.organizationId;
  const role = memberships.find((m) => m.organizationId === orgId)?.role;
  const workspaces = useRead(reads.workspaces(orgId ?? ''), { enabled: Boolean(orgId) });
  const workspaceId = workspace ?? workspaces.data?.[0]?.id;
  const projects = useRead(reads.projects(workspaceId ?? ''), { enabled: Boolean(workspaceId) });
  const createOrg = useMutation({
    mutationFn: (name: string) => api<{ id: string }>('organizations', { method: 'POST', body: { name } }),
    onSuccess: async (created) => {
      await queries.invalidateQueries({ queryKey: queryKeys.me });
      router.replace(`/?org=${created.id}`);
    },
  });
  const createWorkspace = useMutation({
    mutationFn: (name: string) => api<Workspace>(`organizations/${orgId}/workspaces`, { method: 'POST', body: { name } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.workspaces(orgId ?? '') }),
  });
  const createProject = useMutation({
    mutationFn: (name: string) => api<Project>(`workspaces/${workspaceId}/projects`, { method: 'POST', body: { name } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.projects(workspaceId ?? '') }),
  });
  const organizationForm = <NameForm id="org-name" label={fa.home.organizationName} button={fa.home.createOrganization} onCreate={(name) => createOrg.mutateAsync(name)} />;

  if (me.isLoading) return <Loading />;
  if (me.error) return <ErrorBanner error={me.error} />;
  if (!memberships.length) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-bold">{fa.home.title}</h1>
        <p className="text-sm text-slate-600">{fa.home.introNew}</p>
        <Card>
          <Empty>{fa.home.noOrganization}</Empty>
          {organizationForm}
        </Card>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-bold">{fa.home.title}</h1>
        <p className="text-sm text-slate-600">{fa.home.intro}</p>
      </div>
      <section aria-labelledby="organizations-heading" className="flex flex-col gap-3">
        <h2 id="organizations-heading" className="font-bold">
          {fa.home.organizations}
        </h2>
        <OrganizationCards memberships={memberships} current={orgId} />
        {orgId ? <OrganizationLinks organizationId={orgId} role={role} /> : null}
      </section>
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <h2 className="mb-3 font-bold">{fa.home.workspaces}</h2>
          {workspaces.isLoading ? <Loading /> : null}
          <ErrorBanner error={workspaces.error} />
          {workspaces.data && !workspaces.data.length ? <Empty>{can(role, 'ADMIN') ? fa.home.noWorkspace : fa.home.noWorkspaceReadOnly}</Empty> : null}
          <ul className="flex flex-col gap-1">
            {workspaces.data?.map((w) => (
              <li key={w.id}>
                <Link
                  href={`/?org=${orgId}&workspace=${w.id}`}
                  aria-current={w.id === workspaceId ? 'page' : undefined}
                  className={`block rounded-lg px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600 ${w.id === workspaceId ? 'bg-indigo-50 font-medium text-indigo-800' : 'hover:bg-slate-100'}`}
                >
                  <bdi>{w.name}</bdi>
                </Link>
              </li>
            ))}
          </ul>
          {can(role, 'ADMIN') ? <NameForm id="workspace-name" label={fa.home.workspaceName} button={fa.home.createWorkspace} onCreate={(name) => createWorkspace.mutateAsync(name)} /> : null}
        </Card>
        <Card className="md:col-span-2">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="font-bold">{fa.home.projects}</h2>
            {workspaceId ? (
              <Link className={`${LINK} text-sm`} href={`/workspaces/${workspaceId}/prompts`}>
                {fa.home.workspacePrompts}
              </Link>
            ) : null}
          </div>
          {workspaces.data && !workspaceId ? <Empty>{fa.home.workspaceFirst}</Empty> : null}
          {projects.isLoading ? <Loading /> : null}
          <ErrorBanner error={projects.error} />
          {projects.data && !projects.data.length ? <Empty>{can(role, 'EDITOR') ? fa.home.noProject : fa.home.noProjectReadOnly}</Empty> : null}
          <ul className="grid gap-2 sm:grid-cols-2">
            {projects.data?.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.id}`} className="block rounded-lg p-3 ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <bdi>{p.name}</bdi>
                </Link>
              </li>
            ))}
          </ul>
          {workspaceId && can(role, 'EDITOR') ? <NameForm id="project-name" label={fa.home.projectName} button={fa.home.createProject} onCreate={(name) => createProject.mutateAsync(name)} /> : null}
        </Card>
      </div>
      <Card>
        <h2 className="font-bold">{fa.home.newOrganization}</h2>
        {organizationForm}
      </Card>
    </div>
  );
}
