'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { NameForm } from '@/components/name-form';
import { Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can, useMe } from '@/lib/hooks';
import type { Project, Workspace } from '@/lib/types';
import { fa } from '@/messages/fa';

function Home() {
  const router = useRouter();
  const params = useSearchParams();
  const queries = useQueryClient();
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const orgId = params.get('org') ?? memberships[0]?.organizationId;
  const role = memberships.find((m) => m.organizationId === orgId)?.role;
  const workspaces = useQuery({ queryKey: ['workspaces', orgId], queryFn: () => api<Workspace[]>(`organizations/${orgId}/workspaces`), enabled: Boolean(orgId) });
  const workspaceId = params.get('workspace') ?? workspaces.data?.[0]?.id;
  const projects = useQuery({ queryKey: ['projects', workspaceId], queryFn: () => api<Project[]>(`workspaces/${workspaceId}/projects`), enabled: Boolean(workspaceId) });
  const createOrg = useMutation({
    mutationFn: (name: string) => api<{ id: string }>('organizations', { method: 'POST', body: { name } }),
    onSuccess: async (org) => {
      await queries.invalidateQueries({ queryKey: ['me'] });
      router.replace(`/?org=${org.id}`);
    },
  });
  const createWorkspace = useMutation({
    mutationFn: (name: string) => api<Workspace>(`organizations/${orgId}/workspaces`, { method: 'POST', body: { name } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['workspaces', orgId] }),
  });
  const createProject = useMutation({
    mutationFn: (name: string) => api<Project>(`workspaces/${workspaceId}/projects`, { method: 'POST', body: { name } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['projects', workspaceId] }),
  });

  if (me.isLoading) return <Loading />;
  if (me.error) return <ErrorBanner error={me.error} />;
  if (!memberships.length) {
    return (
      <Card>
        <Empty>{fa.home.noOrganization}</Empty>
        <NameForm id="org-name" label={fa.home.organizationName} button={fa.home.createOrganization} onCreate={(name) => createOrg.mutateAsync(name)} />
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-3">
          <label htmlFor="org" className="font-medium">
            {fa.shell.organization}
          </label>
          <select id="org" className="rounded-lg border border-slate-300 bg-white px-3 py-2" value={orgId} onChange={(e) => router.replace(`/?org=${e.target.value}`)}>
            {memberships.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
          {orgId ? (
            <span className="flex flex-wrap gap-3">
              <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/usage`}>
                {fa.shell.usage}
              </Link>
              <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/members`}>
                {fa.shell.members}
              </Link>
              {can(role, 'ADMIN') ? (
                <>
                  <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/analytics`}>
                    {fa.shell.analytics}
                  </Link>
                  <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/webhooks`}>
                    {fa.shell.webhooks}
                  </Link>
                  <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/audit-log`}>
                    {fa.shell.audit}
                  </Link>
                  <Link className="text-indigo-700 underline" href={`/organizations/${orgId}/settings`}>
                    {fa.shell.settings}
                  </Link>
                </>
              ) : null}
            </span>
          ) : null}
        </div>
      </Card>
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <h2 className="mb-3 font-bold">{fa.home.workspaces}</h2>
          {workspaces.isLoading ? <Loading /> : null}
          <ErrorBanner error={workspaces.error} />
          {workspaces.data && !workspaces.data.length ? <Empty>{fa.home.noWorkspace}</Empty> : null}
          <ul className="flex flex-col gap-1">
            {workspaces.data?.map((w) => (
              <li key={w.id}>
                <Link href={`/?org=${orgId}&workspace=${w.id}`} aria-current={w.id === workspaceId ? 'page' : undefined} className={`block rounded-lg px-3 py-2 ${w.id === workspaceId ? 'bg-indigo-50 font-medium text-indigo-800' : 'hover:bg-slate-100'}`}>
                  {w.name}
                </Link>
              </li>
            ))}
          </ul>
          {can(role, 'ADMIN') ? <NameForm id="workspace-name" label={fa.home.workspaceName} button={fa.home.createWorkspace} onCreate={(name) => createWorkspace.mutateAsync(name)} /> : null}
        </Card>
        <Card className="md:col-span-2">
          <h2 className="mb-3 font-bold">{fa.home.projects}</h2>
          {projects.isLoading ? <Loading /> : null}
          <ErrorBanner error={projects.error} />
          {projects.data && !projects.data.length ? <Empty>{fa.home.noProject}</Empty> : null}
          <ul className="grid gap-2 sm:grid-cols-2">
            {projects.data?.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.id}`} className="block rounded-lg p-3 ring-1 ring-slate-200 hover:bg-slate-50">
                  <span dir="auto">{p.name}</span>
                </Link>
              </li>
            ))}
          </ul>
          {workspaceId && can(role, 'EDITOR') ? <NameForm id="project-name" label={fa.home.projectName} button={fa.home.createProject} onCreate={(name) => createProject.mutateAsync(name)} /> : null}
        </Card>
      </div>
    </div>
  );
}

export default function HomePage() {
  return (
    <Suspense fallback={<Loading />}>
      <Home />
    </Suspense>
  );
}
