import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions } from '#libs/database';

/** The DataSource for the TypeORM CLI (`npm run migration:generate|run|revert`). */
export default new DataSource(dataSourceOptions(loadConfig(process.env), 'migrations'));
