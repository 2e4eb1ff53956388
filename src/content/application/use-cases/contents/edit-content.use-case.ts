import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Actor } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import type { ManualEdit } from '../../../domain/content';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';

/** PATCH: a changed body becomes a new "manual" version; APPROVED → 409 CONTENT_INVALID_TRANSITION, IN_PROGRESS → 409 CONTENT_BUSY. */
@Injectable()
export class EditContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, access: OrganizationAccess, contentId: string, edit: ManualEdit): Promise<ContentView> {
    const now = this.clock.now();
    const content = await this.contents.update(access.organizationId, contentId, (c) =>
      c.editManually(edit, actor.userId, now),
    );
    if (!content) throw new NotFoundError('Content');
    return toContentView(content);
  }
}
