import { hkdfSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { configSchema, type RawConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

// Development-only signing secret, so that `npm start` works with no set-up. Production refuses to boot without JWT_SECRET.
const DEVELOPMENT_JWT_SECRET = 'contexor-development-secret-do-not-use-in-production';

/**
 * The validated configuration, injected wherever a setting is needed. Only this file and
 * ormconfig.ts read `process.env`.
 */
export class AppConfig {
  readonly nodeEnv: RawConfig['NODE_ENV'];
  readonly role: RawConfig['APP_ROLE'];
  readonly http: {
    host: string;
    port: number;
    corsOrigins: string[];
    bodyLimitBytes: number;
    /** false, or the proxies (addresses, CIDRs, or proxy-addr's names) whose X-Forwarded-For is believed. */
    trustProxy: false | string[];
    /** Verifies the client address the dashboard's server signs in X-Contexor-Client; null: the header is ignored. */
    clientAddressSecret: string | null;
    /** HTTP processes serving PORT (API_WORKERS): above 1, a primary forks them under Node's cluster module. */
    workers: number;
  };
  readonly log: { level: RawConfig['LOG_LEVEL']; pretty: boolean };
  /** The worker-only process's /metrics listener (METRICS_PORT, on HOST); null when it serves none. */
  readonly metrics: { port: number | null };
  readonly shutdownTimeoutMs: number;
  readonly database: {
    url: string;
    /** Where migrations and the creation of a missing database connect: DATABASE_DIRECT_URL, else DATABASE_URL. */
    directUrl: string;
    /** Read replicas (DATABASE_READ_URLS) for reads without rules; empty: every read goes to DATABASE_URL. */
    readUrls: string[];
    /** `pgbouncer`: the timeouts are not sent as connection parameters (PgBouncer refuses them). */
    pooler: RawConfig['DATABASE_POOLER'];
    migrateOnStart: boolean;
    poolSize: number;
    logQueries: boolean;
    acquireTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  };
  readonly redis: { url: string; prefix: string; commandTimeoutMs: number };
  readonly jwt: { secret: string; keyId: string; previousKeys: Record<string, string> };
  /** Keys for secrets at rest, the current one first. Outside production, one derived from the JWT secret when none is set. */
  readonly dataEncryptionKeys: { id: string; key: Buffer }[];
  readonly openai: { apiKey: string; baseUrl: string; defaultModel: string; timeoutMs: number };
  readonly ai: {
    concurrency: number;
    rateLimitPerMinute: number;
    jobLockMs: number;
    recoveryIntervalMs: number;
    recoveryGraceMs: number;
  };
  /** The review inbox: how often the overdue scan runs (REVIEW_OVERDUE_POLL_MS). */
  readonly reviews: { overduePollMs: number };
  readonly sse: { accessRecheckMs: number };
  /** Sign-in sessions (refresh-token families): an absolute and an idle lifetime, in days. */
  readonly sessions: { maxDays: number; idleDays: number };
  /** Ceilings over all callers together, per minute. */
  readonly authCeilings: { otpRequestsPerMinute: number; otpVerifiesPerMinute: number; refreshesPerMinute: number };
  /** Raw price overrides; the usage context validates their shape. */
  readonly usagePriceOverrides: Record<string, unknown>;
  /** Raw USAGE_FALLBACK_PRICE, or null for the price table's default; the usage context validates its shape. */
  readonly usageFallbackPrice: Record<string, unknown> | null;
  readonly sms: {
    driver: 'kavenegar' | 'log';
    kavenegarApiKey: string;
    kavenegarBaseUrl: string;
    otpTemplate: string;
    /** The line SMS alerts go out from; null for the account's default. */
    sender: string | null;
  };
  readonly webhooks: {
    allowPrivateTargets: boolean;
    retryBaseDelayMs: number;
    attempts: number;
    disableAfterMs: number;
    timeoutMs: number;
    endpointConcurrency: number;
    /** The outbox relay's polling interval (WEBHOOK_OUTBOX_POLL_MS). */
    outboxPollMs: number;
  };

  constructor(raw: RawConfig) {
    const production = raw.NODE_ENV === 'production';
    this.nodeEnv = raw.NODE_ENV;
    this.role = raw.APP_ROLE;
    this.http = {
      host: raw.HOST,
      port: raw.PORT,
      corsOrigins: raw.CORS_ORIGINS,
      bodyLimitBytes: raw.BODY_LIMIT_BYTES,
      trustProxy: raw.TRUST_PROXY,
      clientAddressSecret: raw.CLIENT_ADDRESS_SECRET ?? null,
      workers: apiWorkers(raw),
    };
    this.log = {
      level: raw.LOG_LEVEL,
      pretty: (raw.LOG_FORMAT ?? (raw.NODE_ENV === 'development' ? 'pretty' : 'json')) === 'pretty',
    };
    this.metrics = { port: raw.METRICS_PORT === 0 ? null : raw.METRICS_PORT };
    this.shutdownTimeoutMs = raw.SHUTDOWN_TIMEOUT_MS;
    this.database = {
      url: raw.DATABASE_URL,
      directUrl: raw.DATABASE_DIRECT_URL ?? raw.DATABASE_URL,
      readUrls: raw.DATABASE_READ_URLS,
      pooler: raw.DATABASE_POOLER,
      migrateOnStart: raw.DB_MIGRATE_ON_START,
      poolSize: raw.DB_POOL_SIZE,
      logQueries: raw.DB_LOG_QUERIES,
      acquireTimeoutMs: raw.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: raw.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: raw.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
    this.redis = { url: raw.REDIS_URL, prefix: raw.REDIS_PREFIX, commandTimeoutMs: raw.REDIS_COMMAND_TIMEOUT_MS };
    this.jwt = {
      secret: raw.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      keyId: raw.JWT_KEY_ID,
      previousKeys: parsePreviousKeys(raw.JWT_PREVIOUS_KEYS),
    };
    this.dataEncryptionKeys = raw.DATA_ENCRYPTION_KEYS
      ? parseDataEncryptionKeys(raw.DATA_ENCRYPTION_KEYS)
      : [{ id: 'dev', key: Buffer.from(hkdfSync('sha256', this.jwt.secret, 'contexor', 'data-encryption', 32)) }];
    this.openai = {
      apiKey: raw.OPENAI_API_KEY ?? '',
      baseUrl: raw.OPENAI_BASE_URL,
      defaultModel: raw.OPENAI_DEFAULT_MODEL,
      timeoutMs: raw.OPENAI_TIMEOUT_MS,
    };
    this.ai = {
      concurrency: raw.AI_CONCURRENCY,
      rateLimitPerMinute: raw.AI_RATE_LIMIT_PER_MINUTE,
      jobLockMs: raw.AI_JOB_LOCK_MS,
      recoveryIntervalMs: raw.AI_RECOVERY_INTERVAL_MS,
      recoveryGraceMs: raw.AI_RECOVERY_GRACE_MS,
    };
    this.reviews = { overduePollMs: raw.REVIEW_OVERDUE_POLL_MS };
    this.sse = { accessRecheckMs: raw.SSE_ACCESS_RECHECK_MS };
    this.sessions = { maxDays: raw.AUTH_SESSION_MAX_DAYS, idleDays: raw.AUTH_SESSION_IDLE_DAYS };
    this.authCeilings = {
      otpRequestsPerMinute: raw.AUTH_OTP_REQUESTS_PER_MINUTE,
      otpVerifiesPerMinute: raw.AUTH_OTP_VERIFIES_PER_MINUTE,
      refreshesPerMinute: raw.AUTH_REFRESHES_PER_MINUTE,
    };
    this.usagePriceOverrides = raw.USAGE_PRICES ?? {};
    this.usageFallbackPrice = raw.USAGE_FALLBACK_PRICE ?? null;
    this.sms = {
      driver: raw.SMS_DRIVER ?? (production ? 'kavenegar' : 'log'),
      kavenegarApiKey: raw.KAVENEGAR_API_KEY ?? '',
      kavenegarBaseUrl: raw.KAVENEGAR_BASE_URL,
      otpTemplate: raw.KAVENEGAR_OTP_TEMPLATE,
      sender: raw.KAVENEGAR_SENDER ?? null,
    };
    this.webhooks = {
      allowPrivateTargets: raw.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      retryBaseDelayMs: raw.WEBHOOK_RETRY_BASE_DELAY_MS,
      attempts: raw.WEBHOOK_ATTEMPTS,
      disableAfterMs: raw.WEBHOOK_DISABLE_AFTER_MS,
      timeoutMs: raw.WEBHOOK_TIMEOUT_MS,
      endpointConcurrency: raw.WEBHOOK_ENDPOINT_CONCURRENCY,
      outboxPollMs: raw.WEBHOOK_OUTBOX_POLL_MS,
    };
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get runsHttp(): boolean {
    return this.role !== 'worker';
  }
}

/**
 * API_WORKERS as a number: `auto` is one per core; unset, one per core for an `APP_ROLE=api`
 * process in production and 1 otherwise (the schema refuses more than 1 with another role).
 */
function apiWorkers(raw: RawConfig): number {
  if (typeof raw.API_WORKERS === 'number') return raw.API_WORKERS;
  if (raw.API_WORKERS === 'auto') return availableParallelism();
  return raw.NODE_ENV === 'production' && raw.APP_ROLE === 'api' ? availableParallelism() : 1;
}

/** `DATA_ENCRYPTION_KEYS=k2:base64,k1:base64`: AES-256 keys (32 bytes each) with ids; the first is current. */
function parseDataEncryptionKeys(value: string): { id: string; key: Buffer }[] {
  const keys = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon);
      const key = Buffer.from(entry.slice(colon + 1), 'base64');
      if (colon <= 0 || !/^[a-zA-Z0-9._-]{1,32}$/.test(id) || key.length !== 32)
        throw new ConfigError(
          'DATA_ENCRYPTION_KEYS',
          'must be id:base64,… with 32-byte keys (openssl rand -base64 32)',
        );
      return { id, key };
    });
  if (!keys.length || new Set(keys.map((entry) => entry.id)).size !== keys.length)
    throw new ConfigError('DATA_ENCRYPTION_KEYS', 'must name at least one key, each id once');
  return keys;
}

/** `JWT_PREVIOUS_KEYS=k0:secret,k-1:secret` keeps tokens signed before a key rotation valid. */
function parsePreviousKeys(value: string | undefined): Record<string, string> {
  if (!value) return {};
  const keys: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const separator = pair.indexOf(':');
    const id = pair.slice(0, separator).trim();
    const secret = pair.slice(separator + 1).trim();
    if (separator <= 0 || secret.length < 32)
      throw new ConfigError(
        'JWT_PREVIOUS_KEYS',
        'must be a list of keyId:secret with secrets of at least 32 characters',
      );
    keys[id] = secret;
  }
  return keys;
}

/** Validates the environment. Throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const received = issue?.code === 'invalid_value' ? ` (got "${String(input[variable]).slice(0, 40)}")` : '';
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${received}`);
  }
  return new AppConfig(result.data);
}
