import { Clock, type Actor } from '#libs/ddd';
import { UsageAudit, type ProviderAuditSnapshot } from '../../../src/usage/application/ports/usage-audit';
import type { OrganizationProviderRepository } from '../../../src/usage/application/ports/organization-providers';
import { ProviderPrices } from '../../../src/usage/application/services/provider-prices';
import type { PriceTable } from '../../../src/usage/domain/price-table';
import {
  UsageThresholdNotifier,
  type ThresholdCrossing,
} from '../../../src/usage/application/ports/usage-threshold-notifier';
import type { LimitSettingsSnapshot } from '../../../src/usage/domain/usage-limits';

/** A clock the test moves by hand. */
export class SettableClock extends Clock {
  constructor(public time = new Date('2026-11-24T10:00:00Z').getTime()) {
    super();
  }

  now(): Date {
    return new Date(this.time);
  }

  set(iso: string): void {
    this.time = Date.parse(iso);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export class RecordingThresholdNotifier extends UsageThresholdNotifier {
  readonly crossings: ThresholdCrossing[] = [];
  failWith?: Error;

  thresholdsCrossed(crossings: ThresholdCrossing[]): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.crossings.push(...crossings);
    return Promise.resolve();
  }
}

export class RecordingUsageAudit extends UsageAudit {
  readonly entries: {
    actor: Actor;
    organizationId: string;
    before: LimitSettingsSnapshot;
    after: LimitSettingsSnapshot;
  }[] = [];

  limitsChanged(
    actor: Actor,
    organizationId: string,
    before: LimitSettingsSnapshot,
    after: LimitSettingsSnapshot,
  ): Promise<void> {
    this.entries.push({ actor, organizationId, before, after });
    return Promise.resolve();
  }

  readonly projectEntries: { organizationId: string; projectId: string; before: unknown; after: unknown }[] = [];

  projectLimitsChanged(
    _actor: Actor,
    organizationId: string,
    projectId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    this.projectEntries.push({ organizationId, projectId, before, after });
    return Promise.resolve();
  }

  readonly providerEntries: {
    action: string;
    organizationId: string;
    before: ProviderAuditSnapshot | null;
    after: ProviderAuditSnapshot | null;
  }[] = [];

  providerChanged(
    _actor: Actor,
    organizationId: string,
    action: 'ai_provider.set' | 'ai_provider.removed',
    before: ProviderAuditSnapshot | null,
    after: ProviderAuditSnapshot | null,
  ): Promise<void> {
    this.providerEntries.push({ action, organizationId, before, after });
    return Promise.resolve();
  }
}

/** Prices for organizations without a provider of their own: always the deployment's table. */
export function deploymentPricesOnly(prices: PriceTable): ProviderPrices {
  const none = { findByOrganization: () => Promise.resolve(undefined) } as unknown as OrganizationProviderRepository;
  return new ProviderPrices(prices, none);
}
