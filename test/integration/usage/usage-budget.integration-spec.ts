import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { TypeOrmUnitOfWork } from '#libs/database';
import { Money } from '#libs/ddd';
import { ReleaseGenerationBudgetUseCase } from '../../../src/usage/application/use-cases/release-generation-budget.use-case';
import {
  ReserveGenerationBudgetUseCase,
  type ReserveGenerationBudgetInput,
} from '../../../src/usage/application/use-cases/reserve-generation-budget.use-case';
import {
  SettleGenerationUsageUseCase,
  type SettleGenerationUsageInput,
} from '../../../src/usage/application/use-cases/settle-generation-usage.use-case';
import { PriceTable } from '../../../src/usage/domain/price-table';
import type { UsageLimits } from '../../../src/usage/domain/usage-limits';
import { TypeOrmUsageLedger } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import {
  TypeOrmProjectUsageLimitsRepository,
  TypeOrmUsageLimitsRepository,
} from '../../../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { RecordingThresholdNotifier, SettableClock, deploymentPricesOnly } from '../../fakes/usage/usage-fakes';
import { openTestDataSource } from '../../support/test-data-source';
import { seedUsageRecords } from '../../support/usage-records';

/** What used to be the lifetime of a reservation; a reservation now holds until it is settled or released. */
const FORMER_RESERVATION_TTL_MS = 30 * 60_000;

/**
 * The budget use cases (reserve, settle, release) on their real adapters against PostgreSQL: the
 * lock, the one-statement sums and the unique call key are what keep budgets honest.
 */
describe('usage budget: reserve, settle, release (PostgreSQL)', () => {
  let dataSource: DataSource;
  let clock: SettableClock;
  let notifier: RecordingThresholdNotifier;
  let limitsRepository: TypeOrmUsageLimitsRepository;
  let reserve: ReserveGenerationBudgetUseCase;
  let settle: SettleGenerationUsageUseCase;
  let release: ReleaseGenerationBudgetUseCase;
  const prices = PriceTable.defaults();

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(() => {
    clock = new SettableClock();
    notifier = new RecordingThresholdNotifier();
    const ledger = new TypeOrmUsageLedger(dataSource);
    limitsRepository = new TypeOrmUsageLimitsRepository(dataSource);
    reserve = new ReserveGenerationBudgetUseCase(ledger, prices, clock, deploymentPricesOnly(prices));
    settle = new SettleGenerationUsageUseCase(
      ledger,
      limitsRepository,
      new TypeOrmProjectUsageLimitsRepository(dataSource),
      prices,
      notifier,
      clock,
      new TypeOrmUnitOfWork(dataSource),
      deploymentPricesOnly(prices),
    );
    release = new ReleaseGenerationBudgetUseCase(ledger, clock);
  });

  const setLimits = (
    organizationId: string,
    settings: {
      tokens?: number | null;
      cost?: string | null;
      perUser?: number | null;
      calendar?: 'gregorian' | 'jalali';
    },
  ) =>
    limitsRepository.update(organizationId, (limits: UsageLimits) =>
      limits.change(
        {
          monthlyTokenLimit: settings.tokens ?? null,
          monthlyCostLimit: settings.cost ? Money.parse(settings.cost) : null,
          perUserMonthlyTokenLimit: settings.perUser ?? null,
          calendar: settings.calendar ?? 'gregorian',
        },
        randomUUID(),
        clock.now(),
      ),
    );

  const request = (
    organizationId: string,
    overrides: Partial<ReserveGenerationBudgetInput> = {},
  ): ReserveGenerationBudgetInput => ({
    organizationId,
    userId: randomUUID(),
    model: 'gpt-4.1-mini',
    promptTokens: 1_000,
    maxTokens: 500,
    ...overrides,
  });

  const completedCall = (
    organizationId: string,
    overrides: Partial<SettleGenerationUsageInput> = {},
  ): SettleGenerationUsageInput => ({
    reservationId: null,
    callKey: `chatcmpl-${randomUUID()}`,
    organizationId,
    userId: randomUUID(),
    projectId: randomUUID(),
    contentId: randomUUID(),
    model: 'gpt-4.1-mini',
    promptTokens: 1_000,
    cachedTokens: 0,
    completionTokens: 200,
    ...overrides,
  });

  const reservationRow = async (id: string) =>
    (
      (await dataSource.query(
        'SELECT status, tokens, cost_micros, period_start, settled_at, released_at FROM usage_reservations WHERE id = $1',
        [id],
      )) as {
        status: string;
        tokens: string;
        cost_micros: string;
        period_start: Date;
        settled_at: Date | null;
        released_at: Date | null;
      }[]
    )[0];

  const recordCount = async (callKey: string) =>
    Number(
      (
        (await dataSource.query('SELECT count(*) AS n FROM usage_records WHERE call_key = $1', [callKey])) as {
          n: string;
        }[]
      )[0]?.n,
    );

  describe('reserve', () => {
    it('reserves the worst case (all prompt tokens uncached plus maxTokens) and creates default limits for a new organization', async () => {
      const organizationId = randomUUID();

      const reserved = await reserve.execute(request(organizationId, { promptTokens: 1_000, maxTokens: 500 }));

      expect(reserved.worstCaseTokens).toBe(1_500);
      // 1 000 × 0.40 + 500 × 1.60 = 1 200 micro-USD
      expect(reserved.worstCaseCost.toDecimalString()).toBe('0.001200');
      expect(await reservationRow(reserved.reservationId)).toMatchObject({
        status: 'RESERVED',
        tokens: '1500',
        cost_micros: '1200',
        period_start: new Date('2026-11-01T00:00:00Z'),
      });
      const limits = await limitsRepository.findByOrganization(organizationId);
      expect(limits?.snapshot()).toEqual({
        monthlyTokenLimit: null,
        monthlyCostLimitUsd: null,
        perUserMonthlyTokenLimit: null,
        calendar: 'gregorian',
      });
    });

    it('refuses an unknown model with MODEL_UNKNOWN and writes nothing', async () => {
      const organizationId = randomUUID();
      await expect(reserve.execute(request(organizationId, { model: 'gpt-9' }))).rejects.toMatchObject({
        code: 'MODEL_UNKNOWN',
        kind: 'invalid',
      });
      expect(await limitsRepository.findByOrganization(organizationId)).toBeUndefined();
    });

    it('refuses with USAGE_LIMIT_EXCEEDED saying which limit, the limit, used, reserved and requested', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 5_000 });
      await seedUsageRecords(dataSource, [
        { organizationId, promptTokens: 2_000, completionTokens: 500, createdAt: '2026-11-10T00:00:00Z' },
      ]);
      // last month's usage does not count
      await seedUsageRecords(dataSource, [
        { organizationId, promptTokens: 90_000, completionTokens: 0, createdAt: '2026-10-31T23:59:59Z' },
      ]);
      await reserve.execute(request(organizationId));

      await expect(
        reserve.execute(request(organizationId, { promptTokens: 500, maxTokens: 600 })),
      ).rejects.toMatchObject({
        code: 'USAGE_LIMIT_EXCEEDED',
        kind: 'limit',
        details: {
          limit: 'organization',
          setting: 'monthlyTokenLimit',
          limitValue: 5_000,
          used: 2_500,
          reserved: 1_500,
          requested: 1_100,
          period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
        },
      });
      // exactly reaching the limit is allowed
      await expect(
        reserve.execute(request(organizationId, { promptTokens: 500, maxTokens: 500 })),
      ).resolves.toBeDefined();
    });

    it('never lets 20 concurrent reservations overspend a token limit that fits only some of them', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 10_000 });

      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => reserve.execute(request(organizationId))),
      );

      const granted = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code: string }).code);
      // 1 500 tokens each: 6 fit in 10 000, a 7th would need 10 500
      expect(granted).toHaveLength(6);
      expect(refused).toEqual(Array(14).fill('USAGE_LIMIT_EXCEEDED'));
      expect(granted.reduce((sum, g) => sum + g.worstCaseTokens, 0)).toBeLessThanOrEqual(10_000);
      const held = (await dataSource.query(
        `SELECT coalesce(sum(tokens), 0) AS tokens FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'`,
        [organizationId],
      )) as { tokens: string }[];
      expect(Number(held[0]?.tokens)).toBe(9_000);
    });

    it('never lets 20 concurrent reservations overspend a cost limit, with usage already recorded', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { cost: '0.010' });
      await seedUsageRecords(dataSource, [{ organizationId, costMicros: 2_500, createdAt: '2026-11-02T00:00:00Z' }]);

      // 1 200 micro-USD worst case each; 7 500 left → 6 fit (7 200)
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => reserve.execute(request(organizationId))),
      );

      const granted = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
      expect(granted).toHaveLength(6);
      const grantedCost = granted.reduce((sum, g) => sum.add(g.worstCaseCost), Money.zero);
      expect(grantedCost.add(Money.fromMicros(2_500)).isGreaterThan(Money.parse('0.010'))).toBe(false);
      const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({
        details: {
          limit: 'organization',
          setting: 'monthlyCostLimitUsd',
          limitValue: '0.010000',
          used: '0.002500',
          requested: '0.001200',
        },
      });
    });

    it('holds each member to the per-member limit while others may still generate', async () => {
      const organizationId = randomUUID();
      const [busy, other] = [randomUUID(), randomUUID()];
      await setLimits(organizationId, { tokens: 100_000, perUser: 3_000 });
      await reserve.execute(request(organizationId, { userId: busy }));
      await reserve.execute(request(organizationId, { userId: busy }));

      await expect(reserve.execute(request(organizationId, { userId: busy }))).rejects.toMatchObject({
        details: expect.objectContaining({
          limit: 'user',
          setting: 'perUserMonthlyTokenLimit',
          limitValue: 3_000,
          used: 0,
          reserved: 3_000,
          requested: 1_500,
        }),
      });
      await expect(reserve.execute(request(organizationId, { userId: other }))).resolves.toBeDefined();
    });

    it('keeps counting a reservation long after its former 30-minute expiry, until it is released', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 2_000 });
      const queued = await reserve.execute(request(organizationId));

      // A job still waiting in a backlog a day (and then two weeks) later keeps its budget.
      clock.advance(FORMER_RESERVATION_TTL_MS + 1);
      await expect(reserve.execute(request(organizationId))).rejects.toMatchObject({
        code: 'USAGE_LIMIT_EXCEEDED',
        details: expect.objectContaining({ reserved: 1_500 }),
      });
      clock.advance(14 * 86_400_000);
      await expect(reserve.execute(request(organizationId))).rejects.toMatchObject({
        details: expect.objectContaining({ reserved: 1_500 }),
      });
      expect((await reservationRow(queued.reservationId))?.status).toBe('RESERVED');

      await release.execute(queued.reservationId);
      await expect(reserve.execute(request(organizationId))).resolves.toBeDefined();
    });

    it('keeps counting a reservation long after its former 30-minute expiry, until it is settled', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 3_000 });
      const queued = await reserve.execute(request(organizationId));
      clock.set('2026-11-28T00:00:00Z');
      await reserve.execute(request(organizationId));
      await expect(reserve.execute(request(organizationId))).rejects.toMatchObject({
        details: expect.objectContaining({ used: 0, reserved: 3_000 }),
      });

      await settle.execute(
        completedCall(organizationId, {
          reservationId: queued.reservationId,
          promptTokens: 100,
          completionTokens: 0,
        }),
      );

      // The settled worst case (1 500) is replaced by its record (100): 100 + 1 500 + 1 400 fits in 3 000.
      await expect(reserve.execute(request(organizationId, { promptTokens: 900 }))).resolves.toBeDefined();
      await expect(reserve.execute(request(organizationId, { promptTokens: 1 }))).rejects.toMatchObject({
        details: expect.objectContaining({ used: 100, reserved: 2_900 }),
      });
    });

    it('counts periods in the organization’s calendar: a Persian month ends at midnight in Tehran', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 2_000, calendar: 'jalali' });
      // 21:00 UTC on 21 Nov 2026 is already 1 Azar 1405 (00:30 in Tehran): a new period
      await seedUsageRecords(dataSource, [
        { organizationId, promptTokens: 1_000, completionTokens: 0, createdAt: '2026-11-21T20:29:59Z' },
      ]);
      clock.set('2026-11-21T21:00:00Z');

      const reserved = await reserve.execute(request(organizationId));

      expect((await reservationRow(reserved.reservationId))?.period_start).toEqual(new Date('2026-11-21T20:30:00Z'));
      clock.set('2026-11-21T20:00:00Z');
      await expect(reserve.execute(request(organizationId, { promptTokens: 1 }))).rejects.toMatchObject({
        details: expect.objectContaining({
          used: 1_000,
          reserved: 1_500,
          period: { start: '2026-10-22T20:30:00.000Z', end: '2026-11-21T20:30:00.000Z' },
        }),
      });
    });
  });

  describe('settle', () => {
    it('writes one record with the exact cost, settles the reservation, and the record replaces it in the sums', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 3_000 });
      const reserved = await reserve.execute(request(organizationId));
      clock.advance(5_000);

      const settled = await settle.execute(
        completedCall(organizationId, {
          reservationId: reserved.reservationId,
          promptTokens: 1_000,
          cachedTokens: 400,
          completionTokens: 200,
        }),
      );

      // 600 × 0.40 + 400 × 0.10 + 200 × 1.60 = 240 + 40 + 320
      expect(settled).toEqual({
        recorded: true,
        cost: Money.fromMicros(600),
        priceFallback: false,
        thresholdsCrossed: [],
      });
      expect(await reservationRow(reserved.reservationId)).toMatchObject({
        status: 'SETTLED',
        settled_at: clock.now(),
      });
      // 1 200 used + 1 500 requested ≤ 3 000: the settled worst case (1 500) no longer counts
      await expect(reserve.execute(request(organizationId))).resolves.toBeDefined();
      await expect(reserve.execute(request(organizationId))).rejects.toMatchObject({
        details: expect.objectContaining({ used: 1_200, reserved: 1_500 }),
      });
    });

    it('records a call once however often its job settles it (same call key), and changes nothing the second time', async () => {
      const organizationId = randomUUID();
      const reserved = await reserve.execute(request(organizationId));
      const call = completedCall(organizationId, { reservationId: reserved.reservationId });

      const first = await settle.execute(call);
      const again = await settle.execute({ ...call, completionTokens: 999 });

      expect(first.recorded).toBe(true);
      expect(again).toEqual({ recorded: false, cost: first.cost, priceFallback: false, thresholdsCrossed: [] });
      expect(await recordCount(call.callKey)).toBe(1);
    });

    it('records a call of a model without a price once, at the fallback price, flagged and alerted, and a second settle records nothing', async () => {
      const alerts = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const organizationId = randomUUID();
      const reserved = await reserve.execute(request(organizationId));
      const call = completedCall(organizationId, {
        reservationId: reserved.reservationId,
        model: 'relay/gpt-5-preview-0611',
        promptTokens: 1_000,
        cachedTokens: 200,
        completionTokens: 500,
      });

      const first = await settle.execute(call);
      const again = await settle.execute(call);

      // The fallback is the table's highest of each price (gpt-4o's): 800 × 2.50 + 200 × 1.25 + 500 × 10.00
      expect(first).toEqual({
        recorded: true,
        cost: Money.fromMicros(7_250),
        priceFallback: true,
        thresholdsCrossed: [],
      });
      expect(again).toEqual({ recorded: false, cost: first.cost, priceFallback: true, thresholdsCrossed: [] });
      expect(
        await dataSource.query(
          'SELECT model, cost_micros, price_fallback, usage_estimated FROM usage_records WHERE call_key = $1',
          [call.callKey],
        ),
      ).toEqual([{ model: call.model, cost_micros: '7250', price_fallback: true, usage_estimated: false }]);
      expect((await reservationRow(reserved.reservationId))?.status).toBe('SETTLED');
      const fallbackAlerts = alerts.mock.calls.filter(
        ([fields]) => (fields as { alert?: string }).alert === 'usage_price_fallback',
      );
      expect(fallbackAlerts).toEqual([
        [{ alert: 'usage_price_fallback', model: call.model, organizationId }, expect.any(String)],
      ]);
      alerts.mockRestore();
    });

    it('stores that the tokens of a call were counted locally, and prices a known model at its own price', async () => {
      const organizationId = randomUUID();
      const estimated = completedCall(organizationId, { usageEstimated: true });
      const reported = completedCall(organizationId);

      const settled = await settle.execute(estimated);
      await settle.execute(reported);

      expect(settled).toMatchObject({ recorded: true, cost: Money.fromMicros(720), priceFallback: false });
      const flags = (await dataSource.query(
        'SELECT call_key, usage_estimated, price_fallback FROM usage_records WHERE organization_id = $1 ORDER BY usage_estimated',
        [organizationId],
      )) as unknown[];
      expect(flags).toEqual([
        { call_key: reported.callKey, usage_estimated: false, price_fallback: false },
        { call_key: estimated.callKey, usage_estimated: true, price_fallback: false },
      ]);
    });

    it('records one row when the same call is settled by two workers at once', async () => {
      const organizationId = randomUUID();
      const call = completedCall(organizationId);

      const outcomes = await Promise.all([settle.execute(call), settle.execute(call), settle.execute(call)]);

      expect(outcomes.map((o) => o.recorded).sort()).toEqual([false, false, true]);
      expect(await recordCount(call.callKey)).toBe(1);
    });

    it('records a call whose reservation had been released (the completed call is what counts)', async () => {
      const organizationId = randomUUID();
      const reserved = await reserve.execute(request(organizationId));
      await release.execute(reserved.reservationId);

      const settled = await settle.execute(completedCall(organizationId, { reservationId: reserved.reservationId }));

      expect(settled.recorded).toBe(true);
      expect((await reservationRow(reserved.reservationId))?.status).toBe('SETTLED');
    });

    it('does not settle another organization’s reservation', async () => {
      const [mine, theirs] = [randomUUID(), randomUUID()];
      const reserved = await reserve.execute(request(theirs));

      await settle.execute(completedCall(mine, { reservationId: reserved.reservationId }));

      expect((await reservationRow(reserved.reservationId))?.status).toBe('RESERVED');
    });

    it('announces each threshold once per period: 80 % and 100 % of each limit', async () => {
      const organizationId = randomUUID();
      const userId = randomUUID();
      await setLimits(organizationId, { tokens: 10_000, perUser: 2_000 });

      const first = await settle.execute(
        completedCall(organizationId, { userId, promptTokens: 1_500, completionTokens: 100 }),
      );
      expect(first.thresholdsCrossed).toEqual([
        expect.objectContaining({
          organizationId,
          scope: `user:${userId}:tokens`,
          kind: 'user',
          metric: 'tokens',
          limit: 'perUserMonthlyTokenLimit',
          userId,
          projectId: null,
          threshold: 80,
          limitValue: 2_000,
          used: 1_600,
        }),
      ]);

      const second = await settle.execute(
        completedCall(organizationId, { userId, promptTokens: 100, completionTokens: 0 }),
      );
      expect(second.thresholdsCrossed).toEqual([]);

      const other = randomUUID();
      const third = await settle.execute(
        completedCall(organizationId, { userId: other, promptTokens: 7_000, completionTokens: 0 }),
      );
      expect(third.thresholdsCrossed).toEqual([
        expect.objectContaining({
          scope: 'organization:tokens',
          userId: null,
          threshold: 80,
          limitValue: 10_000,
          used: 8_700,
        }),
        expect.objectContaining({ scope: `user:${other}:tokens`, userId: other, threshold: 80, used: 7_000 }),
        expect.objectContaining({ scope: `user:${other}:tokens`, userId: other, threshold: 100, used: 7_000 }),
      ]);

      const fourth = await settle.execute(
        completedCall(organizationId, { userId, promptTokens: 2_000, completionTokens: 0 }),
      );
      expect(fourth.thresholdsCrossed.map((c) => [c.scope, c.threshold])).toEqual([
        ['organization:tokens', 100],
        [`user:${userId}:tokens`, 100],
      ]);
      expect(fourth.thresholdsCrossed[0]?.period).toEqual({
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
      });
      expect(notifier.crossings.map((c) => c.id)).toEqual(
        [...first.thresholdsCrossed, ...third.thresholdsCrossed, ...fourth.thresholdsCrossed].map((c) => c.id),
      );

      // A new month starts over.
      clock.set('2026-12-01T00:00:00Z');
      const nextMonth = await settle.execute(
        completedCall(organizationId, { userId, promptTokens: 1_000, completionTokens: 0 }),
      );
      expect(nextMonth.thresholdsCrossed).toEqual([]);
      const eighty = await settle.execute(
        completedCall(organizationId, { userId, promptTokens: 600, completionTokens: 0 }),
      );
      expect(eighty.thresholdsCrossed).toEqual([
        expect.objectContaining({
          scope: `user:${userId}:tokens`,
          threshold: 80,
          used: 1_600,
          period: { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
        }),
      ]);
    });

    it('announces each threshold once when several calls that each reach it are settled at once', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 1_000 });
      const calls = Array.from({ length: 6 }, () =>
        completedCall(organizationId, { userId: randomUUID(), promptTokens: 1_000, completionTokens: 10 }),
      );

      const outcomes = await Promise.all(calls.map((call) => settle.execute(call)));

      const crossed = outcomes.flatMap((o) => o.thresholdsCrossed);
      expect(crossed.map((c) => [c.kind, c.metric, c.threshold]).sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([
        ['organization', 'tokens', 80],
        ['organization', 'tokens', 100],
      ]);
      expect(notifier.crossings.filter((c) => c.organizationId === organizationId)).toHaveLength(2);
      const rows = (await dataSource.query(
        `SELECT scope, threshold FROM usage_threshold_events WHERE organization_id = $1 ORDER BY threshold`,
        [organizationId],
      )) as unknown[];
      expect(rows).toEqual([
        { scope: 'organization:tokens', threshold: 80 },
        { scope: 'organization:tokens', threshold: 100 },
      ]);
    });

    it("announces a project's own thresholds once, named as the project's, the organization having no limit of its own", async () => {
      const organizationId = randomUUID();
      const projectId = randomUUID();
      await new TypeOrmProjectUsageLimitsRepository(dataSource).update(organizationId, projectId, (limits) =>
        limits.change({ monthlyTokenLimit: 2_000, monthlyCostLimit: Money.parse('0.001') }, randomUUID(), clock.now()),
      );
      // Another project of the organization, without limits, reaches nothing.
      const elsewhere = await settle.execute(completedCall(organizationId, { promptTokens: 5_000 }));
      expect(elsewhere.thresholdsCrossed).toEqual([]);

      const calls = Array.from({ length: 4 }, () =>
        completedCall(organizationId, { projectId, promptTokens: 1_500, completionTokens: 100 }),
      );
      const outcomes = await Promise.all(calls.map((call) => settle.execute(call)));

      const crossed = outcomes
        .flatMap((o) => o.thresholdsCrossed)
        .sort((a, b) => a.metric.localeCompare(b.metric) || a.threshold - b.threshold);
      expect(crossed.map((c) => [c.scope, c.kind, c.metric, c.limit, c.projectId, c.userId, c.threshold])).toEqual([
        [`project:${projectId}:cost`, 'project', 'cost', 'monthlyCostLimitUsd', projectId, null, 80],
        [`project:${projectId}:cost`, 'project', 'cost', 'monthlyCostLimitUsd', projectId, null, 100],
        [`project:${projectId}:tokens`, 'project', 'tokens', 'monthlyTokenLimit', projectId, null, 80],
        [`project:${projectId}:tokens`, 'project', 'tokens', 'monthlyTokenLimit', projectId, null, 100],
      ]);
      expect(crossed[0]).toMatchObject({ limitValue: '0.001000' });
      expect(crossed[2]).toMatchObject({ limitValue: 2_000 });
    });

    it('reports cost thresholds in decimal USD', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { cost: '0.001' });
      const settled = await settle.execute(
        completedCall(organizationId, { promptTokens: 1_000, completionTokens: 400 }),
      );
      expect(settled.thresholdsCrossed).toEqual([
        expect.objectContaining({
          scope: 'organization:cost',
          kind: 'organization',
          metric: 'cost',
          limit: 'monthlyCostLimitUsd',
          threshold: 80,
          limitValue: '0.001000',
          used: '0.001040',
        }),
        expect.objectContaining({ scope: 'organization:cost', threshold: 100 }),
      ]);
    });

    it('records nothing when announcing a threshold fails, and records and announces it all on the retry', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 1_000 });
      notifier.failWith = new Error('webhook outbox unavailable');
      const call = completedCall(organizationId);

      await expect(settle.execute(call)).rejects.toThrow('webhook outbox unavailable');
      expect(await recordCount(call.callKey)).toBe(0);

      notifier.failWith = undefined;
      const settled = await settle.execute(call);

      expect(settled.recorded).toBe(true);
      expect(settled.thresholdsCrossed.map((c) => c.threshold)).toEqual([80, 100]);
      expect(notifier.crossings.filter((c) => c.organizationId === organizationId).map((c) => c.threshold)).toEqual([
        80, 100,
      ]);
      expect(await recordCount(call.callKey)).toBe(1);
    });
  });

  describe('release', () => {
    it('gives the budget back after a failed call, with no usage record, once', async () => {
      const organizationId = randomUUID();
      await setLimits(organizationId, { tokens: 1_500 });
      const reserved = await reserve.execute(request(organizationId));
      await expect(reserve.execute(request(organizationId))).rejects.toMatchObject({ code: 'USAGE_LIMIT_EXCEEDED' });

      await expect(release.execute(reserved.reservationId)).resolves.toEqual({ released: true });

      expect(await reservationRow(reserved.reservationId)).toMatchObject({
        status: 'RELEASED',
        released_at: clock.now(),
        settled_at: null,
      });
      const records = (await dataSource.query('SELECT count(*) AS n FROM usage_records WHERE organization_id = $1', [
        organizationId,
      ])) as { n: string }[];
      expect(Number(records[0]?.n)).toBe(0);
      await expect(reserve.execute(request(organizationId))).resolves.toBeDefined();
      await expect(release.execute(reserved.reservationId)).resolves.toEqual({ released: false });
    });

    it('leaves a settled reservation settled, and ignores unknown ids', async () => {
      const organizationId = randomUUID();
      const reserved = await reserve.execute(request(organizationId));
      await settle.execute(completedCall(organizationId, { reservationId: reserved.reservationId }));

      await expect(release.execute(reserved.reservationId)).resolves.toEqual({ released: false });
      expect((await reservationRow(reserved.reservationId))?.status).toBe('SETTLED');
      await expect(release.execute(randomUUID())).resolves.toEqual({ released: false });
      await expect(release.execute('not-a-uuid')).resolves.toEqual({ released: false });
    });
  });
});
