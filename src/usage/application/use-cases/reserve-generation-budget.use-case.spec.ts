import { Money } from '#libs/ddd';
import { deploymentPricesOnly, SettableClock } from '../../../../test/fakes/usage/usage-fakes';
import { PriceTable } from '../../domain/price-table';
import type { UsageLedger } from '../ports/usage-ledger';
import { ReserveGenerationBudgetUseCase } from './reserve-generation-budget.use-case';

describe('ReserveGenerationBudgetUseCase: the ceiling per generation', () => {
  const prices = PriceTable.defaults();
  const calls: string[] = [];
  const ledger = {
    reserveWhereUnlimited: () => {
      calls.push('reserveWhereUnlimited');
      return Promise.resolve({ reservationId: 'r-1' });
    },
    reserve: () => {
      calls.push('reserve');
      return Promise.resolve({ reservationId: 'r-1' });
    },
  } as unknown as UsageLedger;
  const reserve = new ReserveGenerationBudgetUseCase(ledger, prices, new SettableClock(), deploymentPricesOnly(prices));
  // gpt-4.1-mini: 0.40 USD per million input tokens, 1.60 per million output: 1 000 + 500 → 0.000400 + 0.000800.
  const input = (ceiling: string | null) => ({
    organizationId: '11111111-1111-4111-8111-111111111111',
    userId: '22222222-2222-4222-8222-222222222222',
    model: 'gpt-4.1-mini',
    promptTokens: 1_000,
    maxTokens: 500,
    maxCostPerGeneration: ceiling === null ? null : Money.parse(ceiling),
  });

  beforeEach(() => calls.splice(0));

  it('refuses a worst case above the ceiling with 402 GENERATION_COST_CEILING, before the ledger is asked for anything', async () => {
    await expect(reserve.execute(input('0.001199'))).rejects.toMatchObject({
      code: 'GENERATION_COST_CEILING',
      kind: 'limit',
      details: {
        model: 'gpt-4.1-mini',
        promptTokens: 1_000,
        maxCompletionTokens: 500,
        worstCaseCostUsd: '0.001200',
        maxCostPerGenerationUsd: '0.001199',
      },
    });
    expect(calls).toEqual([]);
  });

  it('reserves a worst case exactly at the ceiling, or with no ceiling', async () => {
    await expect(reserve.execute(input('0.0012'))).resolves.toMatchObject({ worstCaseCost: Money.parse('0.0012') });
    await expect(reserve.execute(input(null))).resolves.toMatchObject({ worstCaseTokens: 1_500 });
    expect(calls).toEqual(['reserveWhereUnlimited', 'reserveWhereUnlimited']);
  });
});
