import type { DataSource } from 'typeorm';
import { isUniqueViolation, PreparedStatement, queryPrepared } from '#libs/database';
import { openTestDataSource } from '../../support/test-data-source';

describe('queryPrepared (named prepared statements on the app pool)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('names a statement by its text: the same text the same name, another text another', () => {
    const a = new PreparedStatement('SELECT 1');
    expect(new PreparedStatement('SELECT 1').name).toBe(a.name);
    expect(new PreparedStatement('SELECT 2').name).not.toBe(a.name);
    expect(a.name).toMatch(/^cx_[0-9a-f]{24}$/);
  });

  it('answers rows with their values, and is prepared once on the connection that ran it', async () => {
    const statement = new PreparedStatement(`SELECT $1::int + 1 AS n, 'سلام' AS greeting, now() AS at`);
    const answers = [];
    // One connection at a time is not promised by the pool: run it more often than the pool is wide.
    for (let i = 0; i < 25; i++)
      answers.push(await queryPrepared<{ n: number; greeting: string; at: Date }>(dataSource, statement, [i]));
    expect(answers.map((answer) => answer.rows[0]?.n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(answers[0]?.rows[0]?.greeting).toBe('سلام');
    expect(answers[0]?.rows[0]?.at).toBeInstanceOf(Date);
    const prepared = (await dataSource.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1', [
      statement.name,
    ])) as { n: number }[];
    // The observer's query may land on a connection that never ran the statement (0) or one that did (1): never more.
    expect(prepared[0]?.n).toBeLessThanOrEqual(1);
  });

  it('counts the rows a write changed', async () => {
    const insert = new PreparedStatement('INSERT INTO prepared_probe_rows SELECT g FROM generate_series(1, $1::int) g');
    await dataSource.query('CREATE TABLE IF NOT EXISTS prepared_probe_rows (id int)');
    try {
      await expect(queryPrepared(dataSource, insert, [3])).resolves.toMatchObject({ rowCount: 3 });
    } finally {
      await dataSource.query('DROP TABLE prepared_probe_rows');
    }
  });

  it('fails with PostgreSQL’s own error, which the classifiers read as they read TypeORM’s', async () => {
    await dataSource.query('CREATE TABLE IF NOT EXISTS prepared_probe_unique (id int CONSTRAINT uq_probe UNIQUE)');
    const insert = new PreparedStatement('INSERT INTO prepared_probe_unique (id) VALUES ($1)');
    try {
      await queryPrepared(dataSource, insert, [1]);
      const error = await queryPrepared(dataSource, insert, [1]).catch((caught: unknown) => caught);
      expect(isUniqueViolation(error, 'uq_probe')).toBe(true);
    } finally {
      await dataSource.query('DROP TABLE prepared_probe_unique');
    }
  });
});
