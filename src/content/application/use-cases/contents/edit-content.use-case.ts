import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
import type { ManualEdit } from '../../../domain/content';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';

/** PATCH: a changed body becomes a new "manual" version; APPROVED → 409 CONTENT_INVALID_TRANSITION, IN_PROGRESS → 409 CONTENT_BUSY. */
@Injectable()
export class EditContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, contentId: string, edit: ManualEdit): Promise<ContentView> {
    const now = this.clock.now();
    const content = await this.contents.update(caller.organizationId, contentId, (c) =>
      c.editManually(edit, caller.userId, now),
    );
    if (!content) throw new NotFoundError('Content');
    return toContentView(content);
  }
}
