import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Caller } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
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

  async execute(caller: Caller, contentId: string, input: { comment?: string }): Promise<ContentView> {
    const now = this.clock.now();
    // The change, its audit entry and its webhook event commit together or not at all.
    return this.uow.run(async () => {
      const content = await this.contents.update(caller.organizationId, contentId, (c) =>
        c.approve(caller.userId, input.comment, now),
      );
      if (!content) throw new NotFoundError('Content');
      const view = toContentView(content);
      await this.audit.record({
        action: 'content.approved',
        actorId: caller.userId,
        organizationId: caller.organizationId,
        targetType: 'content',
        targetId: contentId,
        metadata: {
          projectId: view.projectId,
          version: view.currentVersion,
          ...(view.lastReview?.note ? { comment: view.lastReview.note } : {}),
        },
        requestId: caller.requestId,
        ip: caller.ip,
      });
      await this.events.publish({
        organizationId: caller.organizationId,
        type: 'content.approved',
        data: {
          ...contentEventData(view),
          approvedBy: caller.userId,
          approvedAt: now.toISOString(),
          comment: view.lastReview?.note ?? null,
        },
      });
      return view;
    });
  }
}
