import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog, type OrganizationAccess } from '../../../../accounts';
import { ContentEvents } from '../../ports/content-events';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { contentEventData } from './content-event-data';

/** REVIEW → APPROVED, recording the approved text as an "approval" version; audited. */
@Injectable()
export class ApproveContentUseCase {
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
    input: { comment?: string },
  ): Promise<ContentView> {
    const now = this.clock.now();
    // The change, its audit entry and its webhook event commit together or not at all.
    return this.uow.run(async () => {
      const content = await this.contents.update(access.organizationId, contentId, (c) =>
        c.approve(actor.userId, input.comment, now),
      );
      if (!content) throw new NotFoundError('Content');
      const view = toContentView(content);
      await this.audit.record({
        action: 'content.approved',
        actorId: actor.userId,
        organizationId: access.organizationId,
        targetType: 'content',
        targetId: contentId,
        metadata: {
          projectId: view.projectId,
          version: view.currentVersion,
          ...(view.lastReview?.note ? { comment: view.lastReview.note } : {}),
        },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      await this.events.publish({
        organizationId: access.organizationId,
        type: 'content.approved',
        data: {
          ...contentEventData(view),
          approvedBy: actor.userId,
          approvedAt: now.toISOString(),
          comment: view.lastReview?.note ?? null,
        },
      });
      return view;
    });
  }
}
