import { ConfigError, loadConfig, type AppConfig } from '#libs/config';

/** A bad setting stops start-up with one line that names the variable, and no stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
