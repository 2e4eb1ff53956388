import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Caller } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
import type { RejectionCategory } from '../../../domain/content-status';
import { ContentEvents } from '../../ports/content-events';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { contentEventData } from './content-event-data';

export interface RejectContentInput {
  reason: string;
  /** Absent: OTHER. */
  category?: RejectionCategory;
  /** The number of the version the reviewer read; when given, 409 CONTENT_VERSION_STALE unless it is the current one. */
  version?: number;
}

/** REVIEW → REJECTED with a reason and a category; audited. The editor may generate again. */
@Injectable()
export class RejectContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly audit: AuditLog,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(caller: Caller, contentId: string, input: RejectContentInput): Promise<ContentView> {
    const now = this.clock.now();
    // The change, its audit entry and its webhook event commit together or not at all.
    return this.uow.run(async () => {
      const content = await this.contents.update(caller.organizationId, contentId, (c) =>
        c.reject(caller.userId, input.reason, now, { category: input.category, version: input.version }),
      );
      if (!content) throw new NotFoundError('Content');
      const view = toContentView(content);
      const category = view.lastReview?.category ?? 'OTHER';
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
          category,
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
          category,
        },
      });
      return view;
    });
  }
}
