import { Injectable } from '@nestjs/common';
import { Clock, DomainError, UnitOfWork, type Actor } from '#libs/ddd';
import { OrganizationProvider, type ProviderModelInput } from '../../domain/organization-provider';
import { OrganizationProviderRepository, ProviderAddressGuard } from '../ports/organization-providers';
import { UsageAudit } from '../ports/usage-audit';

export interface SetOrganizationProviderInput {
  baseUrl: string;
  apiKey: string;
  models: ProviderModelInput[];
}

export class ProviderUrlInvalidError extends DomainError {
  constructor(reason: string) {
    super('AI_PROVIDER_URL_INVALID', 'invalid', reason);
  }
}

export class ProviderTargetForbiddenError extends DomainError {
  constructor() {
    super(
      'AI_PROVIDER_TARGET_FORBIDDEN',
      'invalid',
      'The base URL resolves to a loopback, private, link-local or reserved address',
    );
  }
}

/**
 * ADMIN sets (or replaces) the organization's own OpenAI-compatible provider: the base URL passes
 * the webhooks' address guard, the key is kept encrypted, the models make its price table. The
 * row and its audit entry (without the key) commit together. Generations queued from now on use it.
 */
@Injectable()
export class SetOrganizationProviderUseCase {
  constructor(
    private readonly providers: OrganizationProviderRepository,
    private readonly guard: ProviderAddressGuard,
    private readonly audit: UsageAudit,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    actor: Actor,
    organizationId: string,
    input: SetOrganizationProviderInput,
  ): Promise<OrganizationProvider> {
    const provider = OrganizationProvider.create({
      organizationId,
      baseUrl: input.baseUrl.trim().replace(/\/+$/, ''),
      apiKey: input.apiKey.trim(),
      models: input.models,
      updatedBy: actor.userId,
      updatedAt: this.clock.now(),
    });
    const verdict = await this.guard.check(provider.baseUrl);
    if (verdict === 'invalid')
      throw new ProviderUrlInvalidError('baseUrl must be an http(s) URL without a user name or password');
    if (verdict === 'unresolvable') throw new ProviderUrlInvalidError('The base URL’s host does not resolve');
    if (verdict === 'forbidden') throw new ProviderTargetForbiddenError();
    await this.uow.run(async () => {
      const before = await this.providers.findByOrganization(organizationId);
      await this.providers.save(provider);
      await this.audit.providerChanged(
        actor,
        organizationId,
        'ai_provider.set',
        before?.auditSnapshot() ?? null,
        provider.auditSnapshot(),
      );
    });
    return provider;
  }
}
