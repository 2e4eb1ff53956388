import { DomainError } from '#libs/ddd';
import type { RangeProblem } from './text-anchor';

/** Why a comment's range was refused: one of the range's own problems, or a version the content does not have. */
export type CommentRangeReason = RangeProblem | 'version_unknown';

const MESSAGES: Record<CommentRangeReason, string> = {
  start_negative: 'start must be 0 or more',
  empty: 'end must be greater than start',
  past_end: "end must not be past the end of the version's body",
  splits_surrogate_pair: 'start and end must not fall inside a character (between the two halves of an emoji)',
  version_unknown: 'The content has no such version',
};

/** 400 COMMENT_RANGE_INVALID: the range is not a range of that version's body (UTF-16 code units). */
export class CommentRangeInvalidError extends DomainError {
  constructor(reason: CommentRangeReason, details: { version: number; bodyLength?: number }) {
    super('COMMENT_RANGE_INVALID', 'invalid', MESSAGES[reason], { reason, ...details });
  }
}
