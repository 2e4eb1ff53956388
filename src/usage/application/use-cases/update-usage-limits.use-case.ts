import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import type { LimitSettings, LimitSettingsSnapshot } from '../../domain/usage-limits';
import { UsageAudit } from '../ports/usage-audit';
import { UsageLedger } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { viewOf, type UsageLimitsView } from './get-usage-limits.use-case';

/**
 * Replaces an organization's limits (null = unlimited) and, optionally, its calendar; audited as
 * `usage.limits_changed` in the same transaction.
 */
@Injectable()
export class UpdateUsageLimitsUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly ledger: UsageLedger,
    private readonly audit: UsageAudit,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    actor: Actor,
    organizationId: string,
    settings: Omit<LimitSettings, 'calendar'> & { calendar?: LimitSettings['calendar'] },
  ): Promise<UsageLimitsView> {
    const now = this.clock.now();
    let before: LimitSettingsSnapshot | undefined;
    let changed = false;
    const limits = await this.uow.run(async () => {
      const updated = await this.limits.update(organizationId, (current) => {
        before = current.snapshot();
        changed = current.change({ ...settings, calendar: settings.calendar ?? current.calendar }, actor.userId, now);
        return changed;
      });
      if (changed && before) await this.audit.limitsChanged(actor, organizationId, before, updated.snapshot());
      return updated;
    });
    return viewOf(limits, this.ledger, now);
  }
}
