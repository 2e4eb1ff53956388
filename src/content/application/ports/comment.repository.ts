import type { Comment } from '../../domain/comments/comment';

export abstract class CommentRepository {
  abstract add(comment: Comment): Promise<void>;
  abstract findByIdInOrganization(organizationId: string, commentId: string): Promise<Comment | undefined>;
  /** The content's comments, oldest first (created_at, id). */
  abstract listForContent(organizationId: string, contentId: string): Promise<Comment[]>;
  /**
   * Stores the comment's resolution unless it was resolved meanwhile: false then, and the first
   * resolution stays.
   */
  abstract saveResolution(comment: Comment): Promise<boolean>;
}
