import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
import type { ContentVersion } from '../../../domain/content-version';
import { ContentRepository } from '../../ports/content.repository';

/**
 * Brings back the text of an earlier version as a new "restore" version (`restoredFrom` names it);
 * the content goes to REVIEW. 409 CONTENT_INVALID_TRANSITION from APPROVED and IN_PROGRESS; 404 for
 * a number the content does not have. Returns the new version.
 */
@Injectable()
export class RestoreContentVersionUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, contentId: string, number: number): Promise<ContentVersion> {
    const from = await this.contents.findVersion(caller.organizationId, contentId, number);
    if (!from) throw new NotFoundError('Version');
    const now = this.clock.now();
    let restored: ContentVersion | undefined;
    const content = await this.contents.update(caller.organizationId, contentId, (c) => {
      restored = c.restoreVersion(from, caller.userId, now);
    });
    if (!content || !restored) throw new NotFoundError('Content');
    return restored;
  }
}
