import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
import type { ContentPolicy } from '../../../domain/content-policy';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';

export interface ContentPolicyChange {
  blockPromptsWithPii: boolean;
}

/** ADMIN sets the organization's content policy; a real change is audited in the same transaction. */
@Injectable()
export class UpdateContentPolicyUseCase {
  constructor(
    private readonly policies: ContentPolicyRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string, change: ContentPolicyChange): Promise<ContentPolicy> {
    const policy: ContentPolicy = {
      organizationId,
      blockPromptsWithPii: change.blockPromptsWithPii,
      updatedAt: this.clock.now(),
      updatedBy: actor.userId,
    };
    await this.uow.run(async () => {
      const before = await this.policies.save(policy);
      if (before.blockPromptsWithPii === policy.blockPromptsWithPii) return;
      await this.audit.record({
        action: 'content.policy_changed',
        actorId: actor.userId,
        organizationId,
        targetType: 'organization',
        targetId: organizationId,
        metadata: {
          from: { blockPromptsWithPii: before.blockPromptsWithPii },
          to: { blockPromptsWithPii: policy.blockPromptsWithPii },
        },
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
    return policy;
  }
}
