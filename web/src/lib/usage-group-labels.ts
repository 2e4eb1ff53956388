'use client';

import { useQueries } from '@tanstack/react-query';
import { api } from './api';
import { formatDate, toPersianDigits } from './format';
import { reads } from './queries';
import type { Project } from './types';
import { useRead } from './use-read';

/**
 * A group's name as shown, and how it reads: `ltr` for what is an identifier whatever the page's
 * language (a model, a phone, an id), `auto` for what people wrote (a name), which goes by its text.
 */
export type GroupLabel = { text: string; dir: 'ltr' | 'auto' };

// Letters only: Persian and Arabic-Indic digits are weak, they take the direction around them.
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const LETTER = /\p{L}/u;

/** The direction a label reads in, for places with no `dir="auto"` (SVG text): its first strong letter's, else left to right. */
export function directionOf(label: GroupLabel): 'ltr' | 'rtl' {
  if (label.dir === 'ltr') return 'ltr';
  for (const char of label.text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return 'ltr';
}

/**
 * How a usage group's key reads: a day as a Jalali date, a member by name or phone (Persian digits),
 * a project by name, a model as its id. Keys the organization no longer knows (a removed member, a
 * deleted project) stay as ids.
 */
export function useUsageGroupLabels(organizationId: string, groupBy: string): (key: string) => GroupLabel {
  const members = useRead(reads.members(organizationId), { enabled: groupBy === 'user' });
  const workspaces = useRead(reads.workspaces(organizationId), { enabled: groupBy === 'project' });
  const projects = useQueries({
    queries: (groupBy === 'project' ? (workspaces.data ?? []) : []).map((workspace) => {
      const read = reads.projects(workspace.id);
      return { queryKey: read.queryKey, queryFn: () => api<Project[]>(read.path) };
    }),
  });
  const names = new Map<string, GroupLabel>();
  for (const member of members.data ?? []) names.set(member.userId, member.name ? { text: member.name, dir: 'auto' } : { text: toPersianDigits(member.phone), dir: 'ltr' });
  for (const list of projects) for (const project of list.data ?? []) names.set(project.id, { text: project.name, dir: 'auto' });
  return (key) => (groupBy === 'day' ? { text: formatDate(key), dir: 'auto' } : (names.get(key) ?? { text: key, dir: 'ltr' }));
}
