import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { AuditLog } from '../../../accounts';
import { UsageAudit, type ProviderAuditSnapshot } from '../../application/ports/usage-audit';
import type { ProjectLimitSettingsSnapshot } from '../../domain/project-usage-limits';
import type { LimitSettingsSnapshot } from '../../domain/usage-limits';

/** Writes to the accounts context's append-only audit log through its exported `AuditLog` port. */
@Injectable()
export class AccountsUsageAudit extends UsageAudit {
  constructor(private readonly auditLog: AuditLog) {
    super();
  }

  async limitsChanged(
    actor: Actor,
    organizationId: string,
    before: LimitSettingsSnapshot,
    after: LimitSettingsSnapshot,
  ): Promise<void> {
    await this.auditLog.record({
      action: 'usage.limits_changed',
      actorId: actor.userId,
      organizationId,
      targetType: 'organization',
      targetId: organizationId,
      metadata: { from: before, to: after },
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }

  async projectLimitsChanged(
    actor: Actor,
    organizationId: string,
    projectId: string,
    before: ProjectLimitSettingsSnapshot,
    after: ProjectLimitSettingsSnapshot,
  ): Promise<void> {
    await this.auditLog.record({
      action: 'usage.project_limits_changed',
      actorId: actor.userId,
      organizationId,
      targetType: 'project',
      targetId: projectId,
      metadata: { from: before, to: after },
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }

  async providerChanged(
    actor: Actor,
    organizationId: string,
    action: 'ai_provider.set' | 'ai_provider.removed',
    before: ProviderAuditSnapshot | null,
    after: ProviderAuditSnapshot | null,
  ): Promise<void> {
    await this.auditLog.record({
      action,
      actorId: actor.userId,
      organizationId,
      targetType: 'organization',
      targetId: organizationId,
      metadata: { from: before, to: after },
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }
}
