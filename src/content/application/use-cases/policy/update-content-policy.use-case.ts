import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor, type Money } from '#libs/ddd';
import { AuditLog } from '../../../../accounts';
import { normaliseAllowedModels, type ContentPolicy } from '../../../domain/content-policy';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';

export interface ContentPolicyChange {
  blockPromptsWithPii: boolean;
  /** Left as it is when absent, so that a client that does not know the setting cannot turn it off. */
  redactPiiInExports?: boolean;
  /** Left as it is when absent, like redactPiiInExports. */
  allowSelfApproval?: boolean;
  /** Null = no ceiling; left as it is when absent. */
  maxCostPerGenerationUsd?: Money | null;
  /** Null or empty = any model; left as it is when absent. */
  allowedModels?: string[] | null;
}

/** The settings an audit entry compares, as the audit log stores them. */
const AUDITED = [
  'blockPromptsWithPii',
  'redactPiiInExports',
  'allowSelfApproval',
  'maxCostPerGenerationUsd',
  'allowedModels',
] as const;

function audited(policy: ContentPolicy, setting: (typeof AUDITED)[number]): unknown {
  if (setting === 'maxCostPerGenerationUsd') return policy.maxCostPerGenerationUsd?.toDecimalString() ?? null;
  return policy[setting];
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
    return this.uow.run(async () => {
      const current = await this.policies.find(organizationId);
      const policy: ContentPolicy = {
        organizationId,
        blockPromptsWithPii: change.blockPromptsWithPii,
        redactPiiInExports: change.redactPiiInExports ?? current.redactPiiInExports,
        allowSelfApproval: change.allowSelfApproval ?? current.allowSelfApproval,
        maxCostPerGenerationUsd:
          change.maxCostPerGenerationUsd === undefined
            ? current.maxCostPerGenerationUsd
            : change.maxCostPerGenerationUsd,
        allowedModels:
          change.allowedModels === undefined ? current.allowedModels : normaliseAllowedModels(change.allowedModels),
        updatedAt: this.clock.now(),
        updatedBy: actor.userId,
      };
      const before = await this.policies.save(policy);
      const changed = AUDITED.filter(
        (setting) => JSON.stringify(audited(before, setting)) !== JSON.stringify(audited(policy, setting)),
      );
      if (!changed.length) return policy;
      await this.audit.record({
        action: 'content.policy_changed',
        actorId: actor.userId,
        organizationId,
        targetType: 'organization',
        targetId: organizationId,
        // Only the settings that changed, each from its old value to its new one.
        metadata: {
          from: Object.fromEntries(changed.map((setting) => [setting, audited(before, setting)])),
          to: Object.fromEntries(changed.map((setting) => [setting, audited(policy, setting)])),
        },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      return policy;
    });
  }
}
