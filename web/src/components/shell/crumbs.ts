// The breadcrumbs of a page, from its route and the names of its ancestors.
import { fa } from '@/messages/fa';
import { organizationPageHref, sectionLabel, type ShellRoute } from './route';
import type { Branch } from './use-branch';

/** One step of the trail. `label` is undefined while its name is read; `userText` names are shown in their own direction. */
export type Crumb = { key: string; label?: string; href?: string; userText: boolean };

const home: Crumb = { key: 'home', label: fa.shell.home, href: '/', userText: false };

export function crumbsOf(route: ShellRoute, branch: Branch): Crumb[] {
  const { organization, workspace, project, content } = branch;
  const organizationCrumb: Crumb[] = organization ? [{ key: 'organization', label: organization.name, href: `/?org=${organization.id}`, userText: true }] : [];
  const workspaceCrumb: Crumb[] = workspace
    ? [{ key: 'workspace', label: workspace.name, href: organization ? `/?org=${organization.id}&workspace=${workspace.id}` : undefined, userText: true }]
    : [];
  switch (route.kind) {
    case 'home':
    case 'other':
      return [];
    case 'reviews':
      return [home, { key: 'reviews', label: fa.shell.reviews, userText: false }];
    case 'security':
      return [home, { key: 'security', label: fa.shell.security, userText: false }];
    case 'organization': {
      const [first = ''] = route.section.split('/');
      const nested = route.section.includes('/');
      const parent: Crumb[] = nested ? [{ key: first, label: sectionLabel(first), href: organizationPageHref(route.organizationId, first), userText: false }] : [];
      return [home, ...organizationCrumb, ...parent, { key: route.section, label: sectionLabel(route.section) ?? route.section, userText: false }];
    }
    case 'prompts':
      return [home, ...organizationCrumb, ...workspaceCrumb, { key: 'prompts', label: fa.shell.prompts, userText: false }];
    case 'project':
      return [home, ...organizationCrumb, ...workspaceCrumb, { key: 'project', label: project?.name, userText: true }];
    case 'content':
      return [
        home,
        ...organizationCrumb,
        ...workspaceCrumb,
        ...(project ? [{ key: 'project', label: project.name, href: `/projects/${project.id}`, userText: true }] : []),
        { key: 'content', label: content?.name, userText: true },
      ];
  }
}
