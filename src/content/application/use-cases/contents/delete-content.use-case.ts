import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { ContentRepository } from '../../ports/content.repository';

/** An EDITOR may delete their own DRAFT (else 403 FORBIDDEN); an ADMIN any content not IN_PROGRESS (else 409 CONTENT_BUSY). */
@Injectable()
export class DeleteContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(actor: Actor, access: OrganizationAccess, contentId: string): Promise<void> {
    const caller = { userId: actor.userId, isAdmin: access.role === 'ADMIN' };
    const deleted = await this.contents.delete(access.organizationId, contentId, (content) =>
      content.assertCanBeDeletedBy(caller),
    );
    if (!deleted) throw new NotFoundError('Content');
  }
}
