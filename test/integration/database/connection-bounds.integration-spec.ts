import { randomBytes } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions, type DataSourcePurpose } from '#libs/database';
import { isUnavailableError, toErrorResponse } from '#libs/http';
import { eventually } from '../../support/eventually';

// Short bounds, so that each wait below ends soon; no assertion depends on how long it took.
const BOUNDS = {
  DB_ACQUIRE_TIMEOUT_MS: '300',
  DB_STATEMENT_TIMEOUT_MS: '1500',
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '400',
};

/** A pool on this run's database, with an application_name of its own to find its sessions by. */
async function openBoundedDataSource(
  env: Record<string, string>,
  purpose: DataSourcePurpose = 'app',
): Promise<{ dataSource: DataSource; applicationName: string }> {
  const applicationName = `contexor-bounds-${randomBytes(4).toString('hex')}`;
  const options = dataSourceOptions(loadConfig({ ...process.env, ...BOUNDS, ...env }), purpose);
  const dataSource = new DataSource({ ...options, extra: { ...options.extra, application_name: applicationName } });
  return { dataSource: await dataSource.initialize(), applicationName };
}

async function setting(dataSource: DataSource, name: 'statement_timeout' | 'idle_in_transaction_session_timeout') {
  const [row] = (await dataSource.query(`SHOW ${name}`)) as Record<string, string>[];
  return row?.[name];
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

describe('database waits', () => {
  const opened: DataSource[] = [];
  const runners: QueryRunner[] = [];

  async function open(env: Record<string, string> = {}, purpose?: DataSourcePurpose) {
    const result = await openBoundedDataSource(env, purpose);
    opened.push(result.dataSource);
    return result;
  }

  async function heldTransaction(dataSource: DataSource): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    runners.push(runner);
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SELECT 1');
    return runner;
  }

  afterEach(async () => {
    for (const runner of runners.splice(0)) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
    for (const dataSource of opened.splice(0)) await dataSource.destroy();
  });

  it('gives every pooled connection the configured statement and idle-in-transaction timeouts', async () => {
    const { dataSource } = await open({ DB_POOL_SIZE: '2' });
    const runner = await heldTransaction(dataSource);
    // The second connection of the pool, opened while the first is held.
    expect(await setting(dataSource, 'statement_timeout')).toBe('1500ms');
    expect(await setting(dataSource, 'idle_in_transaction_session_timeout')).toBe('400ms');
    const [held] = (await runner.query('SHOW statement_timeout')) as { statement_timeout: string }[];
    expect(held?.statement_timeout).toBe('1500ms');
  });

  it('leaves statements of the migrations data source unbounded', async () => {
    const { dataSource } = await open({}, 'migrations');
    expect(await setting(dataSource, 'statement_timeout')).toBe('0');
  });

  it('leaves migrations unbounded even when the role has a statement timeout (set for it behind PgBouncer)', async () => {
    const { dataSource: observer } = await open();
    const [{ role }] = (await observer.query('SELECT current_user AS role')) as { role: string }[];
    const [{ database }] = (await observer.query('SELECT current_database() AS database')) as { database: string }[];
    await observer.query(`ALTER ROLE "${role}" IN DATABASE "${database}" SET statement_timeout = '45s'`);
    try {
      const { dataSource: migrations } = await open({}, 'migrations');
      expect(await setting(migrations, 'statement_timeout')).toBe('0');
      const { dataSource: pooled } = await open({ DATABASE_POOLER: 'pgbouncer', DB_MIGRATE_ON_START: 'false' });
      expect(await setting(pooled, 'statement_timeout')).toBe('45s');
    } finally {
      await observer.query(`ALTER ROLE "${role}" IN DATABASE "${database}" RESET statement_timeout`);
    }
  });

  it('sends no timeout at connection start behind PgBouncer, which refuses them: the server applies its own', async () => {
    const { dataSource } = await open({ DATABASE_POOLER: 'pgbouncer', DB_MIGRATE_ON_START: 'false' });
    expect(dataSource.options.extra).not.toHaveProperty('statement_timeout');
    expect(dataSource.options.extra).not.toHaveProperty('idle_in_transaction_session_timeout');
    expect(await setting(dataSource, 'statement_timeout')).toBe('0');
  });

  it('cancels a statement that outlives the statement timeout, as unavailable', async () => {
    const { dataSource } = await open();
    const error = await failureOf(dataSource.query('SELECT pg_sleep(60)'));
    expect(isUnavailableError(error)).toBe(true);
    expect(toErrorResponse(error, 'r').body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('fails a query that cannot get a connection within the acquire timeout, instead of waiting for ever', async () => {
    const { dataSource } = await open({ DB_POOL_SIZE: '1', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' });
    const runner = await heldTransaction(dataSource);

    const error = await failureOf(dataSource.query('SELECT 1'));
    expect(isUnavailableError(error)).toBe(true);
    expect(toErrorResponse(error, 'r')).toMatchObject({
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE' },
      headers: { 'retry-after': expect.stringMatching(/^\d+$/) as unknown },
    });

    await runner.rollbackTransaction();
    await runner.release();
    expect(await dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('has PostgreSQL end a transaction left idle past the timeout, and the pool goes on without it', async () => {
    const { dataSource, applicationName } = await open({ DB_POOL_SIZE: '2' });
    const runner = await heldTransaction(dataSource);
    const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    const sessions = async (where: string, parameters: unknown[]) =>
      (
        (await dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND ${where}`,
          [applicationName, ...parameters],
        )) as { n: number }[]
      )[0]?.n;

    await eventually('PostgreSQL to end the idle transaction', async () => (await sessions('pid = $2', [pid])) === 0);

    expect(await sessions(`state = 'idle in transaction'`, [])).toBe(0);
    const error = await failureOf(runner.query('SELECT 1'));
    expect(isUnavailableError(error)).toBe(true);
    await runner.release();
    expect(await dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
