import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Money } from '#libs/ddd';
import {
  ReserveGenerationBudgetUseCase,
  type ReserveGenerationBudgetInput,
} from '../../../src/usage/application/use-cases/reserve-generation-budget.use-case';
import { PriceTable } from '../../../src/usage/domain/price-table';
import type { UsageLimits } from '../../../src/usage/domain/usage-limits';
import { TypeOrmUsageLedger } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import {
  TypeOrmProjectUsageLimitsRepository,
  TypeOrmUsageLimitsRepository,
} from '../../../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { SettableClock, deploymentPricesOnly } from '../../fakes/usage/usage-fakes';
import { openTestDataSource } from '../../support/test-data-source';

/**
 * Project budgets on the real adapters against PostgreSQL: the organization's, the member's and the
 * project's limits decided in one step under the organization's row lock, from two connection pools
 * (as two API processes would).
 */
describe('project budgets: the three-way reservation (PostgreSQL)', () => {
  let one: DataSource;
  let two: DataSource;
  let clock: SettableClock;
  const prices = PriceTable.defaults();

  beforeAll(async () => {
    [one, two] = await Promise.all([openTestDataSource(), openTestDataSource()]);
  });

  afterAll(async () => {
    await Promise.all([one?.destroy(), two?.destroy()]);
  });

  beforeEach(() => {
    clock = new SettableClock();
  });

  const reserverOn = (dataSource: DataSource) =>
    new ReserveGenerationBudgetUseCase(new TypeOrmUsageLedger(dataSource), prices, clock, deploymentPricesOnly(prices));

  const setProjectLimits = (
    organizationId: string,
    projectId: string,
    tokens: number | null,
    cost: string | null = null,
  ) =>
    new TypeOrmProjectUsageLimitsRepository(one).update(organizationId, projectId, (limits) =>
      limits.change(
        { monthlyTokenLimit: tokens, monthlyCostLimit: cost === null ? null : Money.parse(cost) },
        randomUUID(),
        clock.now(),
      ),
    );

  const setOrganizationTokens = (organizationId: string, tokens: number | null) =>
    new TypeOrmUsageLimitsRepository(one).update(organizationId, (limits: UsageLimits) =>
      limits.change(
        { monthlyTokenLimit: tokens, monthlyCostLimit: null, perUserMonthlyTokenLimit: null, calendar: 'gregorian' },
        randomUUID(),
        clock.now(),
      ),
    );

  const request = (
    organizationId: string,
    projectId: string,
    overrides: Partial<ReserveGenerationBudgetInput> = {},
  ): ReserveGenerationBudgetInput => ({
    organizationId,
    projectId,
    userId: randomUUID(),
    model: 'gpt-4.1-mini',
    promptTokens: 1_000,
    maxTokens: 500,
    ...overrides,
  });

  const heldBy = async (projectId: string) =>
    Number(
      (
        (await one.query(
          `SELECT coalesce(sum(tokens), 0) AS tokens FROM usage_reservations WHERE project_id = $1 AND status = 'RESERVED'`,
          [projectId],
        )) as { tokens: string }[]
      )[0]?.tokens,
    );

  it('never lets 30 concurrent reservations from two pools overspend a project limit, the organization having none', async () => {
    const organizationId = randomUUID();
    const projectId = randomUUID();
    await setProjectLimits(organizationId, projectId, 10_000);
    const [a, b] = [reserverOn(one), reserverOn(two)];

    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).execute(request(organizationId, projectId))),
    );

    // 1 500 tokens each: 6 fit in 10 000.
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r.reason as { details: object }).details);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    expect(refused).toHaveLength(24);
    for (const details of refused)
      expect(details).toMatchObject({ limit: 'project', setting: 'monthlyTokenLimit', projectId, limitValue: 10_000 });
    expect(await heldBy(projectId)).toBe(9_000);
  });

  it('lets another project of the same organization go on while one is full, through the locked path', async () => {
    const organizationId = randomUUID();
    const full = randomUUID();
    const other = randomUUID();
    await setProjectLimits(organizationId, full, 1_000);

    await expect(reserverOn(one).execute(request(organizationId, full))).rejects.toMatchObject({
      code: 'USAGE_LIMIT_EXCEEDED',
      details: { limit: 'project' },
    });
    const granted = await reserverOn(two).execute(request(organizationId, other));
    expect(granted.worstCaseTokens).toBe(1_500);
    expect(await heldBy(other)).toBe(1_500);
  });

  it("names the organization's limit when both are broken, and the project's cost limit in USD", async () => {
    const organizationId = randomUUID();
    const projectId = randomUUID();
    await setOrganizationTokens(organizationId, 1_000);
    await setProjectLimits(organizationId, projectId, 1_000);
    await expect(reserverOn(one).execute(request(organizationId, projectId))).rejects.toMatchObject({
      details: { limit: 'organization', setting: 'monthlyTokenLimit' },
    });

    await setOrganizationTokens(organizationId, null);
    await setProjectLimits(organizationId, projectId, null, '0.000001');
    await expect(reserverOn(one).execute(request(organizationId, projectId))).rejects.toMatchObject({
      details: { limit: 'project', setting: 'monthlyCostLimitUsd', limitValue: '0.000001' },
    });
  });

  it('takes the lock-free path again once no project of the organization has a limit', async () => {
    const organizationId = randomUUID();
    const projectId = randomUUID();
    await setProjectLimits(organizationId, projectId, 0);
    const flag = async () =>
      (
        (await one.query('SELECT has_project_limits FROM usage_limits WHERE organization_id = $1', [
          organizationId,
        ])) as {
          has_project_limits: boolean;
        }[]
      )[0]?.has_project_limits;
    expect(await flag()).toBe(true);
    await expect(reserverOn(one).execute(request(organizationId, projectId))).rejects.toMatchObject({
      details: { limit: 'project' },
    });

    await setProjectLimits(organizationId, projectId, null);
    expect(await flag()).toBe(false);
    await reserverOn(one).execute(request(organizationId, projectId));
    expect(await heldBy(projectId)).toBe(1_500);
  });

  it("never changes another organization's project limits under the same project id", async () => {
    const projectId = randomUUID();
    const owner = randomUUID();
    await setProjectLimits(owner, projectId, 5_000);
    await setProjectLimits(randomUUID(), projectId, 1);
    const rows = (await one.query(
      'SELECT organization_id, monthly_token_limit FROM usage_project_limits WHERE project_id = $1',
      [projectId],
    )) as { organization_id: string; monthly_token_limit: string }[];
    expect(rows).toEqual([{ organization_id: owner, monthly_token_limit: '5000' }]);
  });
});
