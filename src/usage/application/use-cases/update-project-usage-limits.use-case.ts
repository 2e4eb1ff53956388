import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import type { ProjectLimitSettings, ProjectLimitSettingsSnapshot } from '../../domain/project-usage-limits';
import { ProjectUsageLimitsRepository } from '../ports/project-usage-limits.repository';
import { UsageAudit } from '../ports/usage-audit';
import { UsageLedger } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { projectViewOf, type ProjectUsageLimitsView } from './get-project-usage-limits.use-case';

/**
 * Replaces a project's limits (null = none) under the organization's reservation lock; audited as
 * `usage.project_limits_changed` in the same transaction. The access guard has checked that the
 * project belongs to the organization.
 */
@Injectable()
export class UpdateProjectUsageLimitsUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly projectLimits: ProjectUsageLimitsRepository,
    private readonly ledger: UsageLedger,
    private readonly audit: UsageAudit,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    actor: Actor,
    organizationId: string,
    projectId: string,
    settings: ProjectLimitSettings,
  ): Promise<ProjectUsageLimitsView> {
    const now = this.clock.now();
    let before: ProjectLimitSettingsSnapshot | undefined;
    let changed = false;
    const limits = await this.uow.run(async () => {
      const updated = await this.projectLimits.update(organizationId, projectId, (current) => {
        before = current.snapshot();
        changed = current.change(settings, actor.userId, now);
        return changed;
      });
      if (changed && before)
        await this.audit.projectLimitsChanged(actor, organizationId, projectId, before, updated.snapshot());
      return updated;
    });
    return projectViewOf(limits, this.limits, this.ledger, now);
  }
}
