import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions } from '#libs/database';

/** The application_name of the app's own connections (libs/database/data-source-options.ts). */
export const APP_CONNECTION_NAME = 'contexor';

/**
 * A DataSource on this run's test database whose sessions are not the app's: a test that watches the
 * app's connections (pg_stat_activity) or the queries they send must not see its own.
 */
export async function openObserverDataSource(): Promise<DataSource> {
  const options = dataSourceOptions(loadConfig(process.env));
  const dataSource = new DataSource({
    ...options,
    extra: { ...options.extra, max: 2, application_name: 'contexor-test-observer' },
  });
  return dataSource.initialize();
}

export interface AppSession {
  pid: number;
  state: string;
  query: string;
}

/** The app's sessions on this run's database that sit inside a transaction doing nothing. */
export async function appSessionsIdleInTransaction(observer: DataSource): Promise<AppSession[]> {
  return observer.query(
    `SELECT pid, state, query FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1 AND state LIKE 'idle in transaction%'`,
    [APP_CONNECTION_NAME],
  );
}
