import { Injectable } from '@nestjs/common';
import type { Money } from '#libs/ddd';
import { PriceTable } from '../../domain/price-table';
import { OrganizationProviderRepository } from '../ports/organization-providers';

/** Which provider serves an organization's generations: the deployment's, or its own. */
export type ProviderKind = 'deployment' | 'organization';

/**
 * The price table an organization's generations are charged by: its own provider's table when it
 * has one (only those models), otherwise the deployment's.
 */
@Injectable()
export class ProviderPrices {
  constructor(
    private readonly deploymentPrices: PriceTable,
    private readonly providers: OrganizationProviderRepository,
  ) {}

  async forOrganization(organizationId: string): Promise<{ provider: ProviderKind; prices: PriceTable }> {
    const own = await this.providers.findByOrganization(organizationId);
    return own
      ? { provider: 'organization', prices: own.priceTable() }
      : { provider: 'deployment', prices: this.deploymentPrices };
  }

  /**
   * A generation's worst case, the one rule the reservation and the estimate share: all its prompt
   * tokens uncached plus its completion cap, at the price of the table the organization is charged
   * by (400 MODEL_UNKNOWN for a model it lacks).
   */
  async worstCaseOf(
    organizationId: string,
    model: string,
    promptTokens: number,
    maxTokens: number,
  ): Promise<{ tokens: number; cost: Money }> {
    const { prices } = await this.forOrganization(organizationId);
    return { tokens: promptTokens + maxTokens, cost: prices.worstCaseCostOf(model, promptTokens, maxTokens) };
  }

  /**
   * The table of a call already served by `provider`. When the organization has removed its own
   * provider since, its call is charged at the deployment's prices (the fallback price for a model
   * the deployment does not list): the tokens were spent and must be recorded.
   */
  async forCall(organizationId: string, provider: ProviderKind): Promise<PriceTable> {
    if (provider === 'deployment') return this.deploymentPrices;
    return (await this.providers.findByOrganization(organizationId))?.priceTable() ?? this.deploymentPrices;
  }
}
