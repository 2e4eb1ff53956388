import type { ContentStatus } from './content-status';
import type { ContentVersion } from './content-version';
import type { ContentState } from './content';

/** Why a content's status changed; what editorial analytics counts and measures. */
export const STATUS_CHANGE_CAUSES = [
  'generation_started',
  'generation_completed',
  'generation_failed',
  'generation_abandoned',
  'approved',
  'rejected',
  'restored',
  'other',
] as const;
export type StatusChangeCause = (typeof STATUS_CHANGE_CAUSES)[number];

/** One move of a content from one status to another: a row of its append-only history. */
export interface StatusChange {
  from: ContentStatus;
  to: ContentStatus;
  cause: StatusChangeCause;
  /**
   * The version concerned: for a decision the version the reviewer decided on (not the approval's
   * own snapshot); otherwise the content's newest version after the change.
   */
  version: number;
  /** The model that wrote that version's text; null when a person wrote it. */
  model: string | null;
  /** Who caused it, where the content knows: the reviewer, the requester of a completed generation, who restored. */
  actorId: string | null;
  /** Rejections only: the reviewer's category (OTHER when none was named). */
  rejectionCategory: string | null;
  occurredAt: Date;
}

/** The fields of a review decision this needs; older decisions may lack version and category. */
interface Decision {
  by: string;
  version?: number;
  category?: string;
}

/**
 * The status change one change of a content made, from its status before, its state after and the
 * versions it appended; null when the status stayed. A change moves the status at most once (each
 * of the entity's intention methods makes one move).
 */
export function statusChangeOf(
  before: { status: ContentStatus; currentVersion: number },
  after: ContentState,
  newVersions: readonly ContentVersion[],
): StatusChange | null {
  if (before.status === after.status) return null;
  const written = (source: string) => newVersions.findLast((version) => version.source === source);
  const base = {
    from: before.status,
    to: after.status,
    version: after.currentVersion,
    model: after.bodyModel,
    actorId: null as string | null,
    rejectionCategory: null as string | null,
    occurredAt: after.updatedAt,
  };
  if (after.status === 'IN_PROGRESS') return { ...base, cause: 'generation_started' };
  // A generation's end first: a failed one may return to REJECTED, which is no decision.
  if (before.status === 'IN_PROGRESS') {
    const generated = written('ai');
    if (generated) return { ...base, cause: 'generation_completed', actorId: generated.createdBy };
    const failed = after.lastError !== null && after.lastError.at.getTime() === after.updatedAt.getTime();
    return { ...base, cause: failed ? 'generation_failed' : 'generation_abandoned' };
  }
  if (after.status === 'APPROVED' || after.status === 'REJECTED') {
    const decision = after.lastReview as Decision | null;
    const approval = written('approval');
    return {
      ...base,
      cause: after.status === 'APPROVED' ? 'approved' : 'rejected',
      version: decision?.version ?? before.currentVersion,
      actorId: decision?.by ?? approval?.createdBy ?? null,
      rejectionCategory: after.status === 'REJECTED' ? (decision?.category ?? 'OTHER') : null,
    };
  }
  const restored = written('restore');
  if (restored) return { ...base, cause: 'restored', actorId: restored.createdBy };
  return { ...base, cause: 'other' };
}
