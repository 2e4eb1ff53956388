import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, UnitOfWork, type Caller } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
import { SelfApprovalForbiddenError } from '../../../domain/content.errors';
import { ContentEvents } from '../../ports/content-events';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { contentEventData } from './content-event-data';

export interface ApproveContentInput {
  /** The number of the version the reviewer read. */
  version: number;
  comment?: string;
}

/**
 * REVIEW → APPROVED for the version the reviewer read, recorded as an "approval" version with that
 * number and the SHA-256 of its body; audited. 409 CONTENT_VERSION_STALE when another version is
 * current; 403 SELF_APPROVAL_FORBIDDEN when the approver wrote or generated it and the organization's
 * policy does not allow self-approval, a refusal that is itself audited.
 */
@Injectable()
export class ApproveContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
    private readonly audit: AuditLog,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(caller: Caller, contentId: string, input: ApproveContentInput): Promise<ContentView> {
    const now = this.clock.now();
    // Versions never change: the version read here is the one approved whenever it is still the current one.
    const [policy, read] = await Promise.all([
      this.policies.find(caller.organizationId),
      this.contents.findVersion(caller.organizationId, contentId, input.version),
    ]);
    try {
      // The change, its audit entry and its webhook event commit together or not at all.
      return await this.uow.run(async () => {
        const content = await this.contents.update(caller.organizationId, contentId, (c) =>
          c.approve(
            {
              by: caller.userId,
              version: input.version,
              comment: input.comment,
              versionAuthor: read?.createdBy ?? null,
              allowSelfApproval: policy.allowSelfApproval,
            },
            now,
          ),
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
            approvedVersion: input.version,
            bodySha256: view.lastReview?.bodySha256,
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
            approvedVersion: input.version,
            bodySha256: view.lastReview?.bodySha256 ?? null,
            comment: view.lastReview?.note ?? null,
          },
        });
        return view;
      });
    } catch (error) {
      // Nothing changed; the refusal is recorded on its own.
      if (error instanceof SelfApprovalForbiddenError) {
        await this.audit.record({
          action: 'content.self_approval_refused',
          actorId: caller.userId,
          organizationId: caller.organizationId,
          targetType: 'content',
          targetId: contentId,
          metadata: { version: input.version },
          requestId: caller.requestId,
          ip: caller.ip,
        });
      }
      throw error;
    }
  }
}
