import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog, type OrganizationAccess } from '../../../../accounts';
import { ContentEvents } from '../../ports/content-events';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { contentEventData } from './content-event-data';

/** REVIEW → REJECTED with a reason; audited. The editor may generate again. */
@Injectable()
export class RejectContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly audit: AuditLog,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    actor: Actor,
    access: OrganizationAccess,
    contentId: string,
    input: { reason: string },
  ): Promise<ContentView> {
    const now = this.clock.now();
    // The change, its audit entry and its webhook event commit together or not at all.
    return this.uow.run(async () => {
      const content = await this.contents.update(access.organizationId, contentId, (c) =>
        c.reject(actor.userId, input.reason, now),
      );
      if (!content) throw new NotFoundError('Content');
      const view = toContentView(content);
      await this.audit.record({
        action: 'content.rejected',
        actorId: actor.userId,
        organizationId: access.organizationId,
        targetType: 'content',
        targetId: contentId,
        metadata: {
          projectId: view.projectId,
          version: view.currentVersion,
          reason: view.lastReview?.note ?? input.reason,
        },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      await this.events.publish({
        organizationId: access.organizationId,
        type: 'content.rejected',
        data: {
          ...contentEventData(view),
          rejectedBy: actor.userId,
          rejectedAt: now.toISOString(),
          reason: view.lastReview?.note ?? input.reason,
        },
      });
      return view;
    });
  }
}
