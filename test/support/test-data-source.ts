import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions } from '#libs/database';

/** A DataSource on this run's test database (created and migrated by global-setup). */
export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(loadConfig(process.env)));
  return dataSource.initialize();
}
