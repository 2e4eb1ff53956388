import type { Comment } from '../../../domain/comments/comment';
import type { TextRange } from '../../../domain/comments/text-anchor';

/** What the API shows of a comment; `anchor` is the range in the current version, when asked for. */
export interface CommentView {
  id: string;
  contentId: string;
  version: number;
  start: number;
  end: number;
  quote: string;
  body: string;
  authorId: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface AnchoredCommentView extends CommentView {
  /** The quoted text's range in the current version, or null once it is gone. */
  anchor: (TextRange & { version: number }) | null;
}

export function toCommentView(comment: Comment): CommentView {
  const { id, contentId, version, selector, body, authorId, resolvedBy, resolvedAt, createdAt } = comment.snapshot();
  return {
    id,
    contentId,
    version,
    start: selector.start,
    end: selector.end,
    quote: selector.exact,
    body,
    authorId,
    resolved: resolvedAt !== null,
    resolvedBy,
    resolvedAt,
    createdAt,
  };
}
