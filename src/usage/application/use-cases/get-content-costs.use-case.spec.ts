import { Money } from '#libs/ddd';
import { ContentCosts } from '../ports/content-costs';
import { GetContentCostsUseCase } from './get-content-costs.use-case';

class FixedContentCosts extends ContentCosts {
  asked: { organizationId: string; contentIds: readonly string[] }[] = [];

  costOf(organizationId: string, contentIds: readonly string[]): Promise<Map<string, Money>> {
    this.asked.push({ organizationId, contentIds });
    return Promise.resolve(new Map([['a', Money.fromMicros(1_312)]]));
  }
}

describe('GetContentCostsUseCase', () => {
  it('answers every content asked for, zero for those without usage records', async () => {
    const costs = new FixedContentCosts();

    const found = await new GetContentCostsUseCase(costs).execute({ organizationId: 'org', contentIds: ['a', 'b'] });

    expect(costs.asked).toEqual([{ organizationId: 'org', contentIds: ['a', 'b'] }]);
    expect([...found].map(([id, cost]) => [id, cost.toDecimalString()])).toEqual([
      ['a', '0.001312'],
      ['b', '0.000000'],
    ]);
  });
});
