// What the shell needs to know about the page it surrounds, read from the pathname alone: the
// navigation marks and expands it, the breadcrumbs name its ancestors.
import type { Role } from '@/lib/types';
import { fa } from '@/messages/fa';

export type ShellRoute =
  | { kind: 'home' }
  | { kind: 'organization'; organizationId: string; section: string }
  | { kind: 'prompts'; workspaceId: string }
  | { kind: 'project'; projectId: string }
  | { kind: 'content'; contentId: string }
  | { kind: 'reviews' }
  | { kind: 'security' }
  | { kind: 'other' };

/** An organization's pages in the navigation, in its order; `admin` ones are listed for ADMINs only (the API refuses the others). */
export const ORGANIZATION_PAGES: readonly { section: string; label: string; admin: boolean }[] = [
  { section: 'usage', label: fa.shell.usage, admin: false },
  { section: 'members', label: fa.shell.members, admin: false },
  { section: 'analytics', label: fa.shell.analytics, admin: true },
  { section: 'webhooks', label: fa.shell.webhooks, admin: true },
  { section: 'audit-log', label: fa.shell.audit, admin: true },
  { section: 'settings', label: fa.shell.settings, admin: true },
];

/** The settings' own pages, named in the breadcrumbs below «تنظیمات». */
const SETTINGS_PAGES: Record<string, string> = { 'content-policy': fa.shell.contentPolicy, 'ai-provider': fa.shell.aiProvider, glossary: fa.shell.glossary };

export function organizationPagesFor(role: Role | undefined) {
  return ORGANIZATION_PAGES.filter((page) => !page.admin || role === 'ADMIN');
}

export function organizationPageHref(organizationId: string, section: string): string {
  return `/organizations/${organizationId}/${section}`;
}

/** The label of an organization's section (`usage`, `settings/glossary`); undefined for one the shell does not know. */
export function sectionLabel(section: string): string | undefined {
  const [first = '', second] = section.split('/');
  if (second !== undefined) return first === 'settings' ? SETTINGS_PAGES[second] : undefined;
  return ORGANIZATION_PAGES.find((page) => page.section === first)?.label;
}

export function routeOf(pathname: string): ShellRoute {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, ...rest] = parts;
  if (!first) return { kind: 'home' };
  if (first === 'organizations' && id && rest.length) return { kind: 'organization', organizationId: id, section: rest.join('/') };
  if (first === 'workspaces' && id && rest.length === 1 && rest[0] === 'prompts') return { kind: 'prompts', workspaceId: id };
  if (first === 'projects' && id && !rest.length) return { kind: 'project', projectId: id };
  if (first === 'contents' && id && !rest.length) return { kind: 'content', contentId: id };
  if (first === 'reviews' && !id) return { kind: 'reviews' };
  if (first === 'settings' && id === 'security' && !rest.length) return { kind: 'security' };
  return { kind: 'other' };
}
