'use client';

import { ChevronDown, ChevronLeft } from 'lucide-react';
import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { useMe } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import type { Me } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { organizationPageHref, organizationPagesFor, type ShellRoute } from './route';
import type { Branch } from './use-branch';

type Membership = Me['memberships'][number];
type Shared = { route: ShellRoute; branch: Branch; onNavigate?: () => void; isOpen: (id: string, inBranch: boolean) => boolean; toggle: (id: string, open: boolean) => void };

export const NAV_LINK =
  'block truncate rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-bold aria-[current=page]:text-indigo-800';
const TOGGLE =
  'flex w-full items-center gap-1.5 rounded-lg px-2 py-1.5 text-start text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600';

/**
 * The organization → workspace → project tree. The branch of the current page opens by itself; any
 * node opens and closes with its button. A workspace's projects are read when it is opened.
 */
export function NavTree({ route, branch, onNavigate }: { route: ShellRoute; branch: Branch; onNavigate?: () => void }) {
  const me = useMe();
  // What the user opened or closed; the rest follows the current page.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const shared: Shared = {
    route,
    branch,
    onNavigate,
    isOpen: (id, inBranch) => toggled[id] ?? inBranch,
    toggle: (id, open) => setToggled((current) => ({ ...current, [id]: !open })),
  };
  if (!me.data) return <Pending />;
  if (!me.data.memberships.length) return <p className="px-3 py-2 text-sm text-slate-600">{fa.shell.noOrganization}</p>;
  return (
    <ul className="flex flex-col gap-1">
      {me.data.memberships.map((membership) => (
        <OrganizationNode key={membership.organizationId} membership={membership} {...shared} />
      ))}
    </ul>
  );
}

function OrganizationNode({ membership, ...shared }: Shared & { membership: Membership }) {
  const { route, branch, onNavigate, isOpen } = shared;
  const id = membership.organizationId;
  const open = isOpen(id, branch.organization?.id === id);
  return (
    <Disclosure
      open={open}
      onToggle={() => shared.toggle(id, open)}
      label={
        <>
          <bdi dir="auto" className="min-w-0 flex-1 truncate font-bold text-slate-900">
            {membership.organizationName}
          </bdi>
          <span className="shrink-0 text-xs text-slate-600">{fa.roles[membership.role] ?? membership.role}</span>
        </>
      }
    >
      <ul className="flex flex-col">
        {organizationPagesFor(membership.role).map((page) => (
          <li key={page.section}>
            <Link
              href={organizationPageHref(id, page.section)}
              onClick={onNavigate}
              aria-current={route.kind === 'organization' && route.organizationId === id && route.section === page.section ? 'page' : undefined}
              className={NAV_LINK}
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
      <WorkspaceList organizationId={id} {...shared} />
    </Disclosure>
  );
}

function WorkspaceList({ organizationId, ...shared }: Shared & { organizationId: string }) {
  const workspaces = useRead(reads.workspaces(organizationId));
  if (workspaces.error) return <p className="px-3 py-1.5 text-sm text-rose-700">{fa.shell.listFailed}</p>;
  if (!workspaces.data) return <Pending />;
  if (!workspaces.data.length) return <p className="px-3 py-1.5 text-sm text-slate-600">{fa.shell.noWorkspace}</p>;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 border-t border-slate-100 pt-1">
      {workspaces.data.map((workspace) => {
        const open = shared.isOpen(workspace.id, shared.branch.workspace?.id === workspace.id);
        return (
          <Disclosure
            key={workspace.id}
            open={open}
            onToggle={() => shared.toggle(workspace.id, open)}
            label={
              <bdi dir="auto" className="min-w-0 flex-1 truncate font-medium text-slate-800">
                {workspace.name}
              </bdi>
            }
          >
            <ProjectList workspaceId={workspace.id} {...shared} />
          </Disclosure>
        );
      })}
    </ul>
  );
}

function ProjectList({ workspaceId, route, branch, onNavigate }: Shared & { workspaceId: string }) {
  const projects = useRead(reads.projects(workspaceId));
  const currentProject = route.kind === 'project' ? route.projectId : undefined;
  return (
    <ul className="flex flex-col">
      <li>
        <Link
          href={`/workspaces/${workspaceId}/prompts`}
          onClick={onNavigate}
          aria-current={route.kind === 'prompts' && route.workspaceId === workspaceId ? 'page' : undefined}
          className={NAV_LINK}
        >
          {fa.shell.prompts}
        </Link>
      </li>
      {projects.error ? (
        <li className="px-3 py-1.5 text-sm text-rose-700">{fa.shell.listFailed}</li>
      ) : !projects.data ? (
        <li>
          <Pending />
        </li>
      ) : !projects.data.length ? (
        <li className="px-3 py-1.5 text-sm text-slate-600">{fa.shell.noProject}</li>
      ) : (
        projects.data.map((project) => (
          <li key={project.id}>
            <Link
              href={`/projects/${project.id}`}
              onClick={onNavigate}
              aria-current={currentProject === project.id ? 'page' : undefined}
              // A content page sits in its project: the project is shown as the place, though not the page.
              className={`${NAV_LINK} ${branch.project?.id === project.id && !currentProject ? 'bg-slate-100 font-medium' : ''}`}
            >
              <bdi dir="auto">{project.name}</bdi>
            </Link>
          </li>
        ))
      )}
    </ul>
  );
}

/** A node of the tree: its button shows and hides what is below it. */
function Disclosure({ open, onToggle, label, children }: { open: boolean; onToggle: () => void; label: ReactNode; children: ReactNode }) {
  const childrenId = useId();
  const Chevron = open ? ChevronDown : ChevronLeft;
  return (
    <li>
      <button type="button" aria-expanded={open} aria-controls={open ? childrenId : undefined} onClick={onToggle} className={TOGGLE}>
        <Chevron aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-500" />
        {label}
      </button>
      {open ? (
        <div id={childrenId} className="ms-3 border-s border-slate-200 ps-2">
          {children}
        </div>
      ) : null}
    </li>
  );
}

function Pending() {
  return (
    <span role="status" className="block px-3 py-1.5">
      <span className="sr-only">{fa.loading}</span>
      <span aria-hidden="true" className="block h-4 w-3/4 animate-pulse rounded bg-slate-200" />
    </span>
  );
}
