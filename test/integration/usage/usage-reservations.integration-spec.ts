import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TypeOrmUnitOfWork } from '#libs/database';
import { CheckReservationUseCase } from '../../../src/usage/application/use-cases/check-reservation.use-case';
import { ListHeldReservationsUseCase } from '../../../src/usage/application/use-cases/list-held-reservations.use-case';
import { ReleaseGenerationBudgetUseCase } from '../../../src/usage/application/use-cases/release-generation-budget.use-case';
import {
  ReserveGenerationBudgetUseCase,
  type ReserveGenerationBudgetInput,
} from '../../../src/usage/application/use-cases/reserve-generation-budget.use-case';
import { SettleGenerationUsageUseCase } from '../../../src/usage/application/use-cases/settle-generation-usage.use-case';
import { PriceTable } from '../../../src/usage/domain/price-table';
import { periodContaining } from '../../../src/usage/application/services/usage-periods';
import { TypeOrmUsageLedger } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import {
  TypeOrmProjectUsageLimitsRepository,
  TypeOrmUsageLimitsRepository,
} from '../../../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { RecordingThresholdNotifier, SettableClock, deploymentPricesOnly } from '../../fakes/usage/usage-fakes';
import { openTestDataSource } from '../../support/test-data-source';

const ZERO_SPEND = {
  used_tokens: '0',
  used_cost: '0',
  used_user_tokens: '0',
  reserved_tokens: '0',
  reserved_cost: '0',
  reserved_user_tokens: '0',
};

/**
 * What the generation workflow asks of reservations it holds (PostgreSQL): whether one still holds
 * before the model is called, and which old ones are still held, for the recovery job.
 */
describe('usage reservations: check and list held (PostgreSQL)', () => {
  let dataSource: DataSource;
  let clock: SettableClock;
  let reserve: ReserveGenerationBudgetUseCase;
  let settle: SettleGenerationUsageUseCase;
  let release: ReleaseGenerationBudgetUseCase;
  let check: CheckReservationUseCase;
  let listHeld: ListHeldReservationsUseCase;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(() => {
    clock = new SettableClock();
    const ledger = new TypeOrmUsageLedger(dataSource);
    const prices = PriceTable.defaults();
    reserve = new ReserveGenerationBudgetUseCase(ledger, prices, clock, deploymentPricesOnly(prices));
    settle = new SettleGenerationUsageUseCase(
      ledger,
      new TypeOrmUsageLimitsRepository(dataSource),
      new TypeOrmProjectUsageLimitsRepository(dataSource),
      prices,
      new RecordingThresholdNotifier(),
      clock,
      new TypeOrmUnitOfWork(dataSource),
      deploymentPricesOnly(prices),
    );
    release = new ReleaseGenerationBudgetUseCase(ledger, clock);
    check = new CheckReservationUseCase(ledger);
    listHeld = new ListHeldReservationsUseCase(ledger);
  });

  const request = (organizationId: string): ReserveGenerationBudgetInput => ({
    organizationId,
    userId: randomUUID(),
    model: 'gpt-4.1-mini',
    promptTokens: 100,
    maxTokens: 100,
  });

  const settleCall = (organizationId: string, reservationId: string) =>
    settle.execute({
      reservationId,
      callKey: `chatcmpl-${randomUUID()}`,
      organizationId,
      userId: randomUUID(),
      projectId: randomUUID(),
      contentId: null,
      model: 'gpt-4.1-mini',
      promptTokens: 10,
      cachedTokens: 0,
      completionTokens: 10,
    });

  describe('CheckReservationUseCase', () => {
    it('says a reservation is held while RESERVED, and no longer once released or settled', async () => {
      const organizationId = randomUUID();
      const released = await reserve.execute(request(organizationId));
      const settled = await reserve.execute(request(organizationId));

      await expect(check.execute(released.reservationId)).resolves.toEqual({ held: true });
      await expect(check.execute(settled.reservationId)).resolves.toEqual({ held: true });

      await release.execute(released.reservationId);
      await settleCall(organizationId, settled.reservationId);

      await expect(check.execute(released.reservationId)).resolves.toEqual({ held: false });
      await expect(check.execute(settled.reservationId)).resolves.toEqual({ held: false });
    });

    it('still holds a reservation long after its former 30-minute expiry', async () => {
      const reserved = await reserve.execute(request(randomUUID()));
      clock.advance(30 * 86_400_000);

      await expect(check.execute(reserved.reservationId)).resolves.toEqual({ held: true });
    });

    it('answers not held for an unknown id or one that is not a UUID', async () => {
      await expect(check.execute(randomUUID())).resolves.toEqual({ held: false });
      await expect(check.execute('not-a-uuid')).resolves.toEqual({ held: false });
      await expect(check.execute('')).resolves.toEqual({ held: false });
    });
  });

  describe('ListHeldReservationsUseCase', () => {
    // Reservations of this describe are made in 2011, long before any other spec's, so the list
    // of every organization's held reservations before 2012 is these alone.
    const at = (iso: string) => {
      clock.set(iso);
      return iso;
    };

    it('lists RESERVED reservations created before the moment, oldest first, with their organization', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      at('2011-03-01T10:00:00Z');
      const newest = await reserve.execute(request(second));
      at('2011-01-01T10:00:00Z');
      const oldest = await reserve.execute(request(first));
      at('2011-02-01T10:00:00Z');
      const middle = await reserve.execute(request(second));
      const released = await reserve.execute(request(first));
      await release.execute(released.reservationId);
      const settled = await reserve.execute(request(first));
      await settleCall(first, settled.reservationId);
      at('2011-06-01T00:00:00Z');
      const tooRecent = await reserve.execute(request(first));

      const held = await listHeld.execute({ createdBefore: new Date('2011-06-01T00:00:00Z'), limit: 100 });

      expect(held).toEqual([
        { reservationId: oldest.reservationId, organizationId: first, createdAt: new Date('2011-01-01T10:00:00Z') },
        { reservationId: middle.reservationId, organizationId: second, createdAt: new Date('2011-02-01T10:00:00Z') },
        { reservationId: newest.reservationId, organizationId: second, createdAt: new Date('2011-03-01T10:00:00Z') },
      ]);
      expect(held.map((h) => h.reservationId)).not.toContain(tooRecent.reservationId);

      await expect(listHeld.execute({ createdBefore: new Date('2011-06-01T00:00:00Z'), limit: 2 })).resolves.toEqual(
        held.slice(0, 2),
      );
      await expect(listHeld.execute({ createdBefore: new Date('2011-01-01T10:00:00Z'), limit: 10 })).resolves.toEqual(
        [],
      );
      await release.execute(oldest.reservationId);
      await expect(
        listHeld.execute({ createdBefore: new Date('2011-06-01T00:00:00Z'), limit: 1 }),
      ).resolves.toMatchObject([{ reservationId: middle.reservationId }]);
    });

    it('refuses a limit that is not a whole number from 1 to 1000', () => {
      for (const limit of [0, -1, 1.5, 1_001, Number.NaN])
        expect(() => listHeld.execute({ createdBefore: new Date(), limit })).toThrow(RangeError);
    });

    it('answers from the partial index of held reservations, and the budget sums from that of live ones', async () => {
      await dataSource.query('ANALYZE usage_reservations');
      // The adapter's own SQL, explained on one connection where the planner may not scan the table.
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const plans: string[] = [];
      try {
        await runner.query('SET enable_seqscan = off');
        await runner.query('SET enable_bitmapscan = off');
        const explain = {
          query: async (sql: string, parameters: unknown[]) => {
            const rows = (await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as {
              'QUERY PLAN': unknown;
            }[];
            plans.push(JSON.stringify(rows[0]?.['QUERY PLAN']));
            return [ZERO_SPEND];
          },
        };
        // Outside a transaction the adapter queries through the data source's manager.
        const explaining = { ...explain, manager: explain } as unknown as DataSource;
        const ledger = new TypeOrmUsageLedger(explaining);
        await ledger.listHeld(new Date('2011-06-01T00:00:00Z'), 100);
        await ledger.spendIn(randomUUID(), randomUUID(), periodContaining(clock.now(), 'gregorian'));
      } finally {
        await runner.query('RESET ALL');
        await runner.release();
      }
      expect(plans).toHaveLength(2);
      expect(plans[0]).toContain('"Index Name":"idx_usage_reservations_held_created"');
      expect(plans[0]).not.toContain('"Node Type":"Sort"');
      expect(plans[1]).toContain('"Index Name":"idx_usage_reservations_live"');
    });
  });
});
