import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Actor } from '#libs/ddd';
import { OrganizationProviderRepository } from '../ports/organization-providers';
import { UsageAudit } from '../ports/usage-audit';

/**
 * ADMIN returns the organization to the deployment's provider: its own provider and key are
 * deleted (audited when there was one). Idempotent: without one, nothing changes.
 */
@Injectable()
export class RemoveOrganizationProviderUseCase {
  constructor(
    private readonly providers: OrganizationProviderRepository,
    private readonly audit: UsageAudit,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string): Promise<void> {
    await this.uow.run(async () => {
      const removed = await this.providers.removeForOrganization(organizationId);
      if (removed)
        await this.audit.providerChanged(actor, organizationId, 'ai_provider.removed', removed.auditSnapshot(), null);
    });
  }
}
