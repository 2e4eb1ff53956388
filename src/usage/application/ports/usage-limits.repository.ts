import type { UsageLimits } from '../../domain/usage-limits';

export abstract class UsageLimitsRepository {
  /** The organization's limits, or undefined while it runs on the defaults (never saved). */
  abstract findByOrganization(organizationId: string): Promise<UsageLimits | undefined>;
  /**
   * Applies `change` to the organization's limits (the defaults when none were saved) under a row
   * lock, and saves them when it returns true. Returns the limits as they are afterwards.
   */
  abstract update(organizationId: string, change: (limits: UsageLimits) => boolean): Promise<UsageLimits>;
}
