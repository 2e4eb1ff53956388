import { ConfigError, loadConfig, type AppConfig } from '#libs/config';
import { priceTableFrom } from '../usage';

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
