import type { OrganizationProvider } from '../../domain/organization-provider';

/** Organizations' own providers; the key is encrypted at rest by the adapter and read back in clear. */
export abstract class OrganizationProviderRepository {
  abstract findByOrganization(organizationId: string): Promise<OrganizationProvider | undefined>;
  /** Inserts or replaces the organization's provider. */
  abstract save(provider: OrganizationProvider): Promise<void>;
  /** The provider that was removed, if there was one. */
  abstract removeForOrganization(organizationId: string): Promise<OrganizationProvider | undefined>;
}

/** Why a base URL is refused: not a usable URL, or an address the webhooks' guard forbids. */
export type TargetVerdict = 'allowed' | 'invalid' | 'unresolvable' | 'forbidden';

/**
 * The webhooks' address guard (loopback, private, link-local … refused unless the deployment sets
 * WEBHOOK_ALLOW_PRIVATE_TARGETS), applied to a provider's base URL.
 */
export abstract class ProviderAddressGuard {
  abstract check(url: string): Promise<TargetVerdict>;
}
