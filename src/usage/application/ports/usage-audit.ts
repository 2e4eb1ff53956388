import type { Actor } from '#libs/ddd';
import type { LimitSettingsSnapshot } from '../../domain/usage-limits';

/** The organization's audit trail, as far as usage settings are concerned. */
export abstract class UsageAudit {
  abstract limitsChanged(
    actor: Actor,
    organizationId: string,
    before: LimitSettingsSnapshot,
    after: LimitSettingsSnapshot,
  ): Promise<void>;
}
