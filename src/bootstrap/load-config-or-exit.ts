import { ConfigError, loadConfig, type AppConfig } from '#libs/config';
import { priceTableFrom } from '../usage';
import { LocalServiceError, startLocalServices, type LocalServices } from './local-services';

/**
 * A bad setting stops start-up with one line that names the variable, and no stack trace. Settings
 * whose shape a context owns (the price table's JSON) are checked here too, before Nest starts, so
 * that they also fail as one line rather than in the middle of the module graph.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): AppConfig {
  try {
    const config = loadConfig(env);
    priceTableFrom(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The configuration with the PostgreSQL and Redis it will use: outside production, a local server
 * started where the default URL answers nothing (see local-services.ts), its URL in place of the
 * configured one. A server that does not answer stops start-up with one line naming its URL.
 */
export async function loadConfigWithServicesOrExit(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ config: AppConfig; services: LocalServices }> {
  const configured = loadConfigOrExit(env);
  try {
    const services = await startLocalServices({
      production: configured.isProduction,
      databaseUrl: configured.database.url,
      redisUrl: configured.redis.url,
      log,
    });
    const config = loadConfigOrExit({ ...env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl });
    return { config, services };
  } catch (error) {
    if (error instanceof LocalServiceError) {
      process.stderr.write(`Contexor failed to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
