import { Injectable } from '@nestjs/common';
import { DomainError } from '#libs/ddd';
import type { OrganizationProvider } from '../../domain/organization-provider';
import { OrganizationProviderRepository } from '../ports/organization-providers';

/** The organization uses the deployment's provider: it has none of its own. */
export class ProviderNotSetError extends DomainError {
  constructor() {
    super(
      'AI_PROVIDER_NOT_SET',
      'not_found',
      "The organization has no provider of its own: its generations use the deployment's",
    );
  }
}

/** The organization's own provider (the caller shows only the key's last 4 characters), or 404 AI_PROVIDER_NOT_SET. */
@Injectable()
export class GetOrganizationProviderUseCase {
  constructor(private readonly providers: OrganizationProviderRepository) {}

  async execute(organizationId: string): Promise<OrganizationProvider> {
    const provider = await this.providers.findByOrganization(organizationId);
    if (!provider) throw new ProviderNotSetError();
    return provider;
  }
}
