import type { Content, Version } from './types';

/** Why a reviewer rejects a text: the API's categories, in the order the reject dialog offers them. */
export const REJECTION_CATEGORIES = ['TONE', 'ACCURACY', 'PII', 'STYLE', 'LEGAL', 'OTHER'] as const;
export type RejectionCategory = (typeof REJECTION_CATEGORIES)[number];

/**
 * The version the approve dialog compares the version under review with: the one last approved
 * (an "approval" version names it), else the one the last review decided on (a rejection), else
 * the first. Null when there is nothing to compare: no version yet, or the baseline is the version
 * under review itself.
 */
export function approvalBaseline(content: Pick<Content, 'currentVersion' | 'lastReview'>, versions: readonly Pick<Version, 'source' | 'approvedVersion'>[] = []): number | null {
  const current = content.currentVersion;
  if (!current) return null;
  const approved = [...versions].reverse().find((version) => version.source === 'approval' && version.approvedVersion)?.approvedVersion;
  const baseline = approved ?? content.lastReview?.version ?? 1;
  return baseline < current ? baseline : null;
}

/** Where the baseline comes from, for the dialog's sentence. */
export function baselineKind(content: Pick<Content, 'lastReview'>, versions: readonly Pick<Version, 'source' | 'approvedVersion'>[] = []): 'approved' | 'reviewed' | 'first' {
  if (versions.some((version) => version.source === 'approval' && version.approvedVersion)) return 'approved';
  return content.lastReview?.version ? 'reviewed' : 'first';
}

/** The version the content page's diff starts from, and why: the one last approved, else the one before the current. */
export type DiffBaseline = { number: number; kind: 'approved' | 'previous' };

/**
 * The content page compares the current version with the version last approved (the newest
 * "approval" version names it), or, when none was approved, with the version before the current
 * one. Null when there is only one version. `versions` may come in any order.
 */
export function diffBaseline(current: number | null, versions: readonly Pick<Version, 'number' | 'source' | 'approvedVersion'>[]): DiffBaseline | null {
  if (!current) return null;
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const approved = newestFirst.find((version) => version.source === 'approval' && version.approvedVersion)?.approvedVersion;
  if (approved && approved < current) return { number: approved, kind: 'approved' };
  const previous = newestFirst.find((version) => version.number < current)?.number;
  return previous ? { number: previous, kind: 'previous' } : null;
}
