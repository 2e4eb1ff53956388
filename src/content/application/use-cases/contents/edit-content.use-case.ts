import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
import type { ManualEdit } from '../../../domain/content';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';

/** A PATCH: text fields, and the review's due date (a Date, or null to clear it). */
export interface ContentEdit extends ManualEdit {
  reviewDueAt?: Date | null;
}

/**
 * PATCH: a changed body becomes a new "manual" version; APPROVED → 409 CONTENT_INVALID_TRANSITION,
 * IN_PROGRESS → 409 CONTENT_BUSY. A due date alone may be set while a generation runs (not on APPROVED).
 */
@Injectable()
export class EditContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, contentId: string, edit: ContentEdit): Promise<ContentView> {
    const now = this.clock.now();
    const { reviewDueAt, ...text } = edit;
    // An edit of text, or an empty one (whose refusals stay as they were), goes through editManually.
    const editsText = text.title !== undefined || text.prompt !== undefined || text.body !== undefined;
    const content = await this.contents.update(caller.organizationId, contentId, (c) => {
      const edited = editsText || reviewDueAt === undefined ? c.editManually(text, caller.userId, now) : false;
      const scheduled = reviewDueAt !== undefined ? c.scheduleReview(reviewDueAt, now) : false;
      return edited || scheduled;
    });
    if (!content) throw new NotFoundError('Content');
    return toContentView(content);
  }
}
