import type { DataSource } from 'typeorm';
import {
  inTransaction,
  observeQueries,
  poolStatsOf,
  PreparedStatement,
  queryPrepared,
  type StatementKind,
} from '#libs/database';
import { openTestDataSource } from '../../support/test-data-source';

describe('observeQueries and poolStatsOf (the database metrics’ sources)', () => {
  let dataSource: DataSource;
  const heard: { kind: StatementKind; seconds: number }[] = [];

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    observeQueries(dataSource, (kind, seconds) => heard.push({ kind, seconds }));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(() => {
    heard.length = 0;
  });

  it("times TypeORM's statements and prepared ones, by the kind PostgreSQL reports (a CTE counts as its main statement)", async () => {
    await dataSource.query('SELECT 1');
    await queryPrepared(dataSource, new PreparedStatement('WITH x AS (SELECT 1 AS n) SELECT n FROM x'), []);
    await inTransaction(dataSource, async (manager) => {
      await manager.query('CREATE TEMPORARY TABLE observed_probe (id int) ON COMMIT DROP');
      await manager.query('INSERT INTO observed_probe VALUES (1), (2)');
      await queryPrepared(dataSource, new PreparedStatement('UPDATE observed_probe SET id = id + 1'), []);
      await manager.query('DELETE FROM observed_probe');
    });

    expect(heard.map((query) => query.kind)).toEqual([
      'select',
      'select',
      'transaction',
      'other',
      'insert',
      'update',
      'delete',
      'transaction',
    ]);
    for (const { seconds } of heard) expect(seconds).toBeGreaterThanOrEqual(0);
  });

  it('does not time a statement that failed', async () => {
    await expect(dataSource.query('SELECT * FROM no_such_table_here')).rejects.toThrow();
    await expect(queryPrepared(dataSource, new PreparedStatement('SELECT 1/0'), [])).rejects.toThrow();
    expect(heard).toEqual([]);
  });

  it('a second observer replaces the first, and TypeORM still calls one subscriber', async () => {
    const second: StatementKind[] = [];
    const subscribers = dataSource.subscribers.length;
    observeQueries(dataSource, (kind) => second.push(kind));
    try {
      await dataSource.query('SELECT 1');
      expect({ first: heard.length, second, subscribers: dataSource.subscribers.length }).toEqual({
        first: 0,
        second: ['select'],
        subscribers,
      });
    } finally {
      observeQueries(dataSource, (kind, seconds) => heard.push({ kind, seconds }));
    }
  });

  it("counts the pool's connections in use, idle and waiting, and its size", async () => {
    const size = dataSource.options.extra.max as number;
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const held = poolStatsOf(dataSource);
      expect(held).toMatchObject({ max: size, waiting: 0 });
      expect((held?.total ?? 0) - (held?.idle ?? 0)).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.release();
    }
    const released = poolStatsOf(dataSource);
    expect(released?.idle).toBeGreaterThanOrEqual(1);
  });
});
