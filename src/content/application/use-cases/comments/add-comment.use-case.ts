import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type Caller } from '#libs/ddd';
import { Comment } from '../../../domain/comments/comment';
import { CommentRangeInvalidError } from '../../../domain/comments/comment.errors';
import { CommentRepository } from '../../ports/comment.repository';
import { ContentRepository } from '../../ports/content.repository';
import { toCommentView, type CommentView } from './comment-view';

export interface AddCommentInput {
  contentId: string;
  version: number;
  start: number;
  end: number;
  body: string;
}

/**
 * A comment on a range of one version of a content's body. The access guard has checked that the
 * content belongs to the caller's organization; a version it does not have is a range that cannot
 * be (400 COMMENT_RANGE_INVALID, reason version_unknown), not a missing resource. Contents in any
 * status take comments: a comment changes no body.
 */
@Injectable()
export class AddCommentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly comments: CommentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, input: AddCommentInput): Promise<CommentView> {
    const version = await this.contents.findVersion(caller.organizationId, input.contentId, input.version);
    if (!version) throw new CommentRangeInvalidError('version_unknown', { version: input.version });
    const comment = Comment.create({
      id: randomUUID(),
      organizationId: caller.organizationId,
      contentId: input.contentId,
      version,
      start: input.start,
      end: input.end,
      body: input.body,
      authorId: caller.userId,
      now: this.clock.now(),
    });
    await this.comments.add(comment);
    return toCommentView(comment);
  }
}
