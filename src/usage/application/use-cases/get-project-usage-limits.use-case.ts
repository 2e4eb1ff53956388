import { Injectable } from '@nestjs/common';
import { Clock, type Actor, type Money } from '#libs/ddd';
import { ProjectUsageLimits } from '../../domain/project-usage-limits';
import { UsageLimits } from '../../domain/usage-limits';
import type { UsagePeriod } from '../../domain/usage-period';
import { ProjectUsageLimitsRepository } from '../ports/project-usage-limits.repository';
import { UsageLedger } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { periodContaining } from '../services/usage-periods';

export interface ProjectUsageLimitsView {
  limits: ProjectUsageLimits;
  /** The organization's current period (a project's months follow its organization's calendar). */
  period: UsagePeriod;
  /** Settled usage records of the project in the period. */
  used: { tokens: number; cost: Money };
  /** Held by the project's generations in progress. */
  reserved: { tokens: number; cost: Money };
}

/**
 * A project's limits and how much of them the current period has used. The access guard has
 * already checked that the project belongs to the organization (another's answers 404).
 */
@Injectable()
export class GetProjectUsageLimitsUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly projectLimits: ProjectUsageLimitsRepository,
    private readonly ledger: UsageLedger,
    private readonly clock: Clock,
  ) {}

  async execute(_actor: Actor, organizationId: string, projectId: string): Promise<ProjectUsageLimitsView> {
    const limits =
      (await this.projectLimits.findByProject(organizationId, projectId)) ??
      ProjectUsageLimits.defaults(projectId, organizationId);
    return projectViewOf(limits, this.limits, this.ledger, this.clock.now());
  }
}

export async function projectViewOf(
  limits: ProjectUsageLimits,
  organizationLimits: UsageLimitsRepository,
  ledger: UsageLedger,
  now: Date,
): Promise<ProjectUsageLimitsView> {
  const organization =
    (await organizationLimits.findByOrganization(limits.organizationId)) ?? UsageLimits.defaults(limits.organizationId);
  const period = periodContaining(now, organization.calendar);
  const { project } = await ledger.spendIn(limits.organizationId, null, period, limits.projectId);
  if (!project) throw new Error('The spend of a project came back without the project');
  return {
    limits,
    period,
    used: { tokens: project.usedTokens, cost: project.usedCost },
    reserved: { tokens: project.reservedTokens, cost: project.reservedCost },
  };
}
