import { Injectable } from '@nestjs/common';
import { Clock, type Actor, type Money } from '#libs/ddd';
import { UsageLimits } from '../../domain/usage-limits';
import type { UsagePeriod } from '../../domain/usage-period';
import { UsageLedger } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { periodContaining } from '../services/usage-periods';

export interface UsageLimitsView {
  limits: UsageLimits;
  period: UsagePeriod;
  used: { tokens: number; cost: Money };
  /** Held by generations in progress (reservations not yet settled or released). */
  reserved: { tokens: number; cost: Money };
}

/** An organization's limits and how much of them the current period has used. */
@Injectable()
export class GetUsageLimitsUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly ledger: UsageLedger,
    private readonly clock: Clock,
  ) {}

  async execute(_actor: Actor, organizationId: string): Promise<UsageLimitsView> {
    const limits = (await this.limits.findByOrganization(organizationId)) ?? UsageLimits.defaults(organizationId);
    return viewOf(limits, this.ledger, this.clock.now());
  }
}

export async function viewOf(limits: UsageLimits, ledger: UsageLedger, now: Date): Promise<UsageLimitsView> {
  const period = periodContaining(now, limits.calendar);
  const { organization } = await ledger.spendIn(limits.organizationId, null, period);
  return {
    limits,
    period,
    used: { tokens: organization.usedTokens, cost: organization.usedCost },
    reserved: { tokens: organization.reservedTokens, cost: organization.reservedCost },
  };
}
