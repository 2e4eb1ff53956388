import { Injectable } from '@nestjs/common';
import { Money } from '#libs/ddd';
import { ContentCosts } from '../ports/content-costs';

export interface ContentCostsInput {
  organizationId: string;
  contentIds: readonly string[];
}

/**
 * What given contents of an organization cost in usage: per content, the sum of all its usage
 * records (every call of every generation, including the rounds a reviewer rejected). Contents
 * without records cost zero. For reports of other contexts (editorial analytics); ids of another
 * organization cost nothing.
 */
@Injectable()
export class GetContentCostsUseCase {
  constructor(private readonly costs: ContentCosts) {}

  async execute(input: ContentCostsInput): Promise<Map<string, Money>> {
    const found = await this.costs.costOf(input.organizationId, input.contentIds);
    return new Map(input.contentIds.map((id) => [id, found.get(id) ?? Money.zero]));
  }
}
