import { Injectable } from '@nestjs/common';
import { OrganizationProviderRepository } from '../ports/organization-providers';
import type { ProviderKind } from '../services/provider-prices';

/** Where a generation's call goes. `key` changes whenever the organization changes its provider. */
export type GenerationProvider =
  { kind: 'deployment' } | { kind: 'organization'; connection: { key: string; baseUrl: string; apiKey: string } };

/**
 * For the generation workflow: the organization's own provider (base URL and key in clear, for
 * the call only), or the deployment's.
 */
@Injectable()
export class ResolveGenerationProviderUseCase {
  constructor(private readonly providers: OrganizationProviderRepository) {}

  async execute(organizationId: string): Promise<GenerationProvider> {
    const own = await this.providers.findByOrganization(organizationId);
    if (!own) return { kind: 'deployment' };
    return {
      kind: 'organization',
      connection: {
        key: `${organizationId}@${own.updatedAt.toISOString()}`,
        baseUrl: own.baseUrl,
        apiKey: own.apiKey,
      },
    };
  }
}

export type { ProviderKind };
