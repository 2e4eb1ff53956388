import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Money } from '#libs/ddd';
import { periodContaining } from '../../../src/usage/application/services/usage-periods';
import { TypeOrmUsageLedger } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import { openTestDataSource } from '../../support/test-data-source';

/** Reservations of an organization with no limit at all: one statement, no exclusive lock (PostgreSQL). */
describe('TypeOrmUsageLedger.reserveWhereUnlimited', () => {
  let dataSource: DataSource;
  let ledger: TypeOrmUsageLedger;
  const now = new Date('2026-03-25T10:00:00Z');
  const periodOf = (calendar: 'gregorian' | 'jalali') => periodContaining(now, calendar);

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    ledger = new TypeOrmUsageLedger(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const organization = async (limits: { calendar?: string; monthlyTokenLimit?: number | null } = {}) => {
    const organizationId = randomUUID();
    await dataSource.query(
      `INSERT INTO usage_limits (organization_id, calendar, monthly_token_limit) VALUES ($1, $2, $3)`,
      [organizationId, limits.calendar ?? 'gregorian', limits.monthlyTokenLimit ?? null],
    );
    return organizationId;
  };
  const reservation = (organizationId: string) => ({
    id: randomUUID(),
    organizationId,
    userId: randomUUID(),
    tokens: 200,
    cost: Money.fromMicros(100),
  });
  const stored = async (id: string) =>
    (
      (await dataSource.query('SELECT status, period_start, tokens FROM usage_reservations WHERE id = $1', [id])) as {
        status: string;
        period_start: Date;
        tokens: string;
      }[]
    )[0];

  it('writes a held reservation in the period of the organization’s calendar', async () => {
    const gregorian = reservation(await organization());
    const jalali = reservation(await organization({ calendar: 'jalali' }));

    await expect(ledger.reserveWhereUnlimited(gregorian, periodOf, now)).resolves.toEqual({
      reservationId: gregorian.id,
    });
    await expect(ledger.reserveWhereUnlimited(jalali, periodOf, now)).resolves.toEqual({ reservationId: jalali.id });

    expect(await stored(gregorian.id)).toEqual({
      status: 'RESERVED',
      period_start: periodOf('gregorian').start,
      tokens: '200',
    });
    expect((await stored(jalali.id))?.period_start).toEqual(periodOf('jalali').start);
  });

  it('writes nothing for an organization with a limit, or without a limits row yet (the locked path decides)', async () => {
    const limited = reservation(await organization({ monthlyTokenLimit: 1_000 }));
    const unknown = reservation(randomUUID());
    await expect(ledger.reserveWhereUnlimited(limited, periodOf, now)).resolves.toBeUndefined();
    await expect(ledger.reserveWhereUnlimited(unknown, periodOf, now)).resolves.toBeUndefined();
    expect(await stored(limited.id)).toBeUndefined();
    expect(await stored(unknown.id)).toBeUndefined();
  });

  it('does not wait for another unlimited reservation, but a change of the limits waits for it', async () => {
    const organizationId = await organization();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // Another reservation's share lock, held open.
      await runner.query('SELECT 1 FROM usage_limits WHERE organization_id = $1 FOR SHARE', [organizationId]);
      const concurrent = reservation(organizationId);
      await expect(ledger.reserveWhereUnlimited(concurrent, periodOf, now)).resolves.toEqual({
        reservationId: concurrent.id,
      });
      const blocked = await dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = 'usage_limits'::regclass`,
      );
      expect(blocked).toEqual([{ waiting: 0 }]);

      const change = dataSource.query(
        'UPDATE usage_limits SET monthly_token_limit = 10 WHERE organization_id = $1 RETURNING monthly_token_limit',
        [organizationId],
      );
      let changed = false;
      void change.then(() => (changed = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changed).toBe(false);
      await runner.commitTransaction();
      await change;
      expect(changed).toBe(true);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
