// The only place in bench/ that reads the environment, so every knob is listed here.

function positiveNumber(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${variable} must be a positive number (got "${raw}")`);
  return value;
}

function benchDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  // Same server as the app, its own database, so that a benchmark never touches development data.
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/contexor');
  url.pathname = '/contexor_bench';
  return url.toString();
}

export const benchSettings = {
  durationSeconds: positiveNumber('BENCH_DURATION_SECONDS', 10),
  warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
  connections: positiveNumber('BENCH_CONNECTIONS', 50),
  databaseUrl: benchDatabaseUrl(),
  redisPrefix: 'bench',
  /** Where benchmarks that support it write a CPU profile of their main phase; none when unset. */
  profileDir: process.env.BENCH_PROFILE_DIR || undefined,
  /** The environment the app under test is booted with: the caller's, minus anything that would make it noisy or slow. */
  appEnv: (): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'development',
    APP_ROLE: 'api',
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    SMS_DRIVER: 'log',
    DB_MIGRATE_ON_START: 'false',
    DATABASE_URL: benchDatabaseUrl(),
    REDIS_PREFIX: 'bench',
  }),
};
