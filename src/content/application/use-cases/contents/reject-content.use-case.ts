import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Caller } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
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

  async execute(caller: Caller, contentId: string, input: { reason: string }): Promise<ContentView> {
    const now = this.clock.now();
    // The change, its audit entry and its webhook event commit together or not at all.
    return this.uow.run(async () => {
      const content = await this.contents.update(caller.organizationId, contentId, (c) =>
        c.reject(caller.userId, input.reason, now),
      );
      if (!content) throw new NotFoundError('Content');
      const view = toContentView(content);
      await this.audit.record({
        action: 'content.rejected',
        actorId: caller.userId,
        organizationId: caller.organizationId,
        targetType: 'content',
        targetId: contentId,
        metadata: {
          projectId: view.projectId,
          version: view.currentVersion,
          reason: view.lastReview?.note ?? input.reason,
        },
        requestId: caller.requestId,
        ip: caller.ip,
      });
      await this.events.publish({
        organizationId: caller.organizationId,
        type: 'content.rejected',
        data: {
          ...contentEventData(view),
          rejectedBy: caller.userId,
          rejectedAt: now.toISOString(),
          reason: view.lastReview?.note ?? input.reason,
        },
      });
      return view;
    });
  }
}
