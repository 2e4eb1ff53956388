import type { Actor } from '#libs/ddd';
import type { OrganizationProvider } from '../../domain/organization-provider';
import type { ProjectLimitSettingsSnapshot } from '../../domain/project-usage-limits';
import type { LimitSettingsSnapshot } from '../../domain/usage-limits';

/** The organization's audit trail, as far as usage settings are concerned. */
export abstract class UsageAudit {
  abstract limitsChanged(
    actor: Actor,
    organizationId: string,
    before: LimitSettingsSnapshot,
    after: LimitSettingsSnapshot,
  ): Promise<void>;

  /** `usage.project_limits_changed`, targeting the project. */
  abstract projectLimitsChanged(
    actor: Actor,
    organizationId: string,
    projectId: string,
    before: ProjectLimitSettingsSnapshot,
    after: ProjectLimitSettingsSnapshot,
  ): Promise<void>;

  /** `ai_provider.set` or `ai_provider.removed`; the snapshots never hold the key (its last 4 characters only). */
  abstract providerChanged(
    actor: Actor,
    organizationId: string,
    action: 'ai_provider.set' | 'ai_provider.removed',
    before: ProviderAuditSnapshot | null,
    after: ProviderAuditSnapshot | null,
  ): Promise<void>;
}

export type ProviderAuditSnapshot = ReturnType<OrganizationProvider['auditSnapshot']>;
