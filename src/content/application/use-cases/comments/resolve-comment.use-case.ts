import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
import { CommentRepository } from '../../ports/comment.repository';
import { toCommentView, type CommentView } from './comment-view';

/** Marks a comment resolved; resolving it again answers it as it is (the first resolver stays). */
@Injectable()
export class ResolveCommentUseCase {
  constructor(
    private readonly comments: CommentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, commentId: string): Promise<CommentView> {
    const comment = await this.comments.findByIdInOrganization(caller.organizationId, commentId);
    if (!comment) throw new NotFoundError('Comment');
    if (!comment.resolve(caller.userId, this.clock.now()) || (await this.comments.saveResolution(comment)))
      return toCommentView(comment);
    // Someone resolved it meanwhile: answer their resolution.
    const stored = await this.comments.findByIdInOrganization(caller.organizationId, commentId);
    if (!stored) throw new NotFoundError('Comment');
    return toCommentView(stored);
  }
}
