import { Comment } from '../../domain/comments/comment';
import type { ContentCommentEntity } from './content-comment.entity';

export const ContentCommentMapper = {
  toDomain(row: ContentCommentEntity): Comment {
    return Comment.restore({
      id: row.id,
      organizationId: row.organizationId,
      contentId: row.contentId,
      version: row.version,
      selector: { start: row.rangeStart, end: row.rangeEnd, exact: row.quote, prefix: row.prefix, suffix: row.suffix },
      body: row.body,
      authorId: row.authorId,
      createdAt: row.createdAt,
      resolvedBy: row.resolvedBy,
      resolvedAt: row.resolvedAt,
    });
  },
  toPersistence(comment: Comment): Omit<ContentCommentEntity, 'contentVersion'> {
    const { selector, ...state } = comment.snapshot();
    return {
      ...state,
      rangeStart: selector.start,
      rangeEnd: selector.end,
      quote: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
    };
  },
};
