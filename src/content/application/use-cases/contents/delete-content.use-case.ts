import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { ContentRepository } from '../../ports/content.repository';

/** An EDITOR may delete their own DRAFT (else 403 FORBIDDEN); an ADMIN any content not IN_PROGRESS (else 409 CONTENT_BUSY). */
@Injectable()
export class DeleteContentUseCase {
  constructor(private readonly contents: ContentRepository) {}

  async execute(caller: Caller, contentId: string): Promise<void> {
    const deleter = { userId: caller.userId, isAdmin: caller.role === 'ADMIN' };
    const deleted = await this.contents.delete(caller.organizationId, contentId, (content) =>
      content.assertCanBeDeletedBy(deleter),
    );
    if (!deleted) throw new NotFoundError('Content');
  }
}
