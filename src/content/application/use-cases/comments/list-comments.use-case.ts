import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import type { Comment } from '../../../domain/comments/comment';
import { TextAnchoring, type TextRange } from '../../../domain/comments/text-anchor';
import { CommentRepository } from '../../ports/comment.repository';
import { ContentRepository } from '../../ports/content.repository';
import { TextDiffer } from '../../ports/text-differ';
import { toCommentView, type AnchoredCommentView } from './comment-view';

/**
 * A content's comments, oldest first, each with its anchor in the current version: the quoted
 * text followed through the edits since the comment's version (see TextAnchoring), or null once
 * it is gone. One word diff per distinct version commented on, all of them sharing the differ's
 * one time budget, so a content with many commented versions of a large body still answers quickly
 * (a diff past the budget is coarser, and its comments are found again by their quote).
 */
@Injectable()
export class ListCommentsUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly comments: CommentRepository,
    private readonly differ: TextDiffer,
  ) {}

  async execute(caller: Caller, contentId: string): Promise<AnchoredCommentView[]> {
    const [content, comments] = await Promise.all([
      this.contents.findViewInOrganization(caller.organizationId, contentId),
      this.comments.listForContent(caller.organizationId, contentId),
    ]);
    if (!content) throw new NotFoundError('Content');
    const current = { version: content.currentVersion, body: content.body ?? '' };
    const anchors = await this.anchorsByVersion(caller.organizationId, contentId, comments, current);
    return comments.map((comment) => {
      const range = anchors.get(comment.version)?.(comment) ?? null;
      return { ...toCommentView(comment), anchor: range && { version: current.version, ...range } };
    });
  }

  /** For each version commented on, how to anchor its comments in the current body. */
  private async anchorsByVersion(
    organizationId: string,
    contentId: string,
    comments: Comment[],
    current: { version: number; body: string },
  ): Promise<Map<number, (comment: Comment) => TextRange | null>> {
    const anchors = new Map<number, (comment: Comment) => TextRange | null>();
    anchors.set(current.version, ({ selector: { start, end } }) => ({ start, end }));
    const older = [...new Set(comments.map((comment) => comment.version))].filter((n) => n !== current.version);
    const versions = await Promise.all(
      older.map((number) => this.contents.findVersion(organizationId, contentId, number)),
    );
    const words = this.differ.wordsSharingABudget();
    for (const version of versions) {
      if (!version) continue;
      const anchoring = new TextAnchoring(words(version.body, current.body), current.body);
      anchors.set(version.number, (comment) => anchoring.anchor(comment.selector));
    }
    return anchors;
  }
}
