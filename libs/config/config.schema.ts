import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((value) => value === 'true');
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );
const jsonObject = z.string().transform((value, ctx) => {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
  return z.NEVER;
});
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** Outside production, `npm start` starts a local PostgreSQL or Redis when nothing answers at these (src/bootstrap/local-services.ts). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/contexor';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';

/** Every environment variable the service reads, with its default. Anything else is ignored. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    APP_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
    CORS_ORIGINS: csv.default([]),
    BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
    /**
     * Which proxies' X-Forwarded-For to believe: `false`; `true` for proxies on loopback and private
     * networks; or a list of addresses and CIDRs. The client is the nearest address that is not a
     * trusted proxy, read from the right: entries a client wrote itself are never taken.
     */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value, ctx) => {
        const trimmed = value.trim();
        if (trimmed === 'false') return false as const;
        if (trimmed === 'true') return ['loopback', 'linklocal', 'uniquelocal'];
        const entries = trimmed
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
        const valid = /^(?:[0-9.]+|[0-9a-fA-F:.]+)(?:\/\d{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/;
        if (!entries.length || !entries.every((entry) => valid.test(entry))) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be false, true, or a comma-separated list of addresses or CIDRs',
          });
          return z.NEVER;
        }
        return entries;
      }),
    /**
     * Shared with the dashboard's server: it signs the address of the client it serves in
     * X-Contexor-Client, and the API believes a header that carries a valid signature. Unset, the
     * header is ignored.
     */
    CLIENT_ADDRESS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(25_000),
    /**
     * Where a worker-only process (APP_ROLE=worker, which serves no other HTTP) answers Prometheus's
     * GET /metrics; 0 serves none. The api and all roles serve /metrics on PORT instead.
     */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),

    /**
     * HTTP processes of an `APP_ROLE=api` process, under Node's cluster module: one primary forks this
     * many, all serving PORT. `auto` is one per core; unset, one per core in production, else 1.
     */
    API_WORKERS: z
      .union([z.literal('auto'), z.coerce.number().int().min(1).max(256)], {
        error: 'must be a whole number from 1 to 256, or auto',
      })
      .optional(),

    DATABASE_URL: url(['postgres:', 'postgresql:']).default(DEFAULT_DATABASE_URL),
    /**
     * Where migrations (and the creation of a missing database) connect, when DATABASE_URL is a pooler:
     * they hold a session-level advisory lock, which a transaction-mode PgBouncer cannot keep.
     */
    DATABASE_DIRECT_URL: url(['postgres:', 'postgresql:']).optional(),
    /** Read replicas for reads without rules (reports, search, lists, exports), comma-separated. */
    DATABASE_READ_URLS: csv
      .default([])
      .refine(
        (urls) => urls.every((value) => url(['postgres:', 'postgresql:']).safeParse(value).success),
        'must be a comma-separated list of postgres URLs',
      ),
    /**
     * `pgbouncer`: DATABASE_URL (and each DATABASE_READ_URLS) is a PgBouncer in transaction mode, which
     * refuses the timeouts as connection parameters: the server must apply them (see README, Scaling).
     */
    DATABASE_POOLER: z.enum(['none', 'pgbouncer']).default('none'),
    DB_MIGRATE_ON_START: bool.default(true),
    DB_POOL_SIZE: positiveInt.default(10),
    /** Longest wait for a pooled connection (a free one, or a new one to connect); past it the request answers 503. */
    DB_ACQUIRE_TIMEOUT_MS: positiveInt.default(5_000),
    /** PostgreSQL cancels any statement running longer (not applied to migrations). */
    DB_STATEMENT_TIMEOUT_MS: positiveInt.default(30_000),
    /** PostgreSQL ends a session whose transaction sits idle this long, releasing its locks. */
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt.default(10_000),
    DB_LOG_QUERIES: bool.default(false),

    REDIS_URL: url(['redis:', 'rediss:']).default(DEFAULT_REDIS_URL),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
      .default('contexor'),
    /** Every Redis command on the request path fails after this long instead of waiting for Redis to return. */
    REDIS_COMMAND_TIMEOUT_MS: positiveInt.max(60_000).default(2_000),

    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_KEY_ID: z
      .string()
      .regex(/^[a-zA-Z0-9._-]{1,64}$/)
      .default('k1'),
    JWT_PREVIOUS_KEYS: z.string().optional(),
    /** `id:base64-of-32-bytes,…`: keys that encrypt secrets at rest; the first encrypts, all decrypt. */
    DATA_ENCRYPTION_KEYS: z.string().optional(),
    /** Ceilings over all callers together, per minute: sign-in codes sent, codes checked, sessions refreshed. */
    AUTH_OTP_REQUESTS_PER_MINUTE: positiveInt.default(300),
    AUTH_OTP_VERIFIES_PER_MINUTE: positiveInt.default(600),
    AUTH_REFRESHES_PER_MINUTE: positiveInt.default(3_000),
    /** A session (a refresh-token family) ends this many days after sign-in, however often it is refreshed. */
    AUTH_SESSION_MAX_DAYS: positiveInt.max(365).default(30),
    /** A session unused for this many days ends (each refresh starts the count again). */
    AUTH_SESSION_IDLE_DAYS: positiveInt.max(365).default(14),

    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: url(['http:', 'https:']).default('https://api.openai.com/v1'),
    OPENAI_DEFAULT_MODEL: z.string().min(1).default('gpt-4.1-mini'),
    OPENAI_TIMEOUT_MS: positiveInt.default(120_000),
    /** Generation jobs run at once per worker process. */
    AI_CONCURRENCY: positiveInt.default(4),
    /** Generation jobs started per minute across all workers: protects the OpenAI account. */
    AI_RATE_LIMIT_PER_MINUTE: positiveInt.default(300),
    /** A generation job's lock; a job whose worker died is taken up again by another after one to two of these. */
    AI_JOB_LOCK_MS: positiveInt.min(1_000).default(30_000),
    /** How often a worker looks for contents left IN_PROGRESS by a job that no longer exists. */
    AI_RECOVERY_INTERVAL_MS: positiveInt.min(1_000).default(60_000),
    /** A generation younger than this is never treated as lost (its job may still be on its way). */
    AI_RECOVERY_GRACE_MS: positiveInt.min(1_000).default(120_000),
    /** How often a worker looks for contents in REVIEW whose due date has passed (content.review_overdue). */
    REVIEW_OVERDUE_POLL_MS: positiveInt.min(100).max(86_400_000).default(60_000),
    /** How often an open event stream checks again that its caller may still read the content. */
    SSE_ACCESS_RECHECK_MS: positiveInt.min(100).default(2_000),
    /** JSON overriding or extending the price table: {"model": {"input": "0.40", "cachedInput": "0.10", "output": "1.60"}} in USD per million tokens. */
    USAGE_PRICES: jsonObject.optional(),
    /** Price of a completed call whose model has none, {"input": "…", "cachedInput": "…", "output": "…"} in USD per million tokens; by default the table's highest of each. */
    USAGE_FALLBACK_PRICE: jsonObject.optional(),

    SMS_DRIVER: z.enum(['kavenegar', 'log']).optional(),
    KAVENEGAR_API_KEY: z.string().optional(),
    KAVENEGAR_BASE_URL: url(['http:', 'https:']).default('https://api.kavenegar.com'),
    KAVENEGAR_OTP_TEMPLATE: z.string().min(1).default('contexor-otp'),
    /** The line SMS alerts (sms/send) go out from; unset, the account's default line. */
    KAVENEGAR_SENDER: z
      .string()
      .regex(/^\d{4,20}$/, 'must be the digits of a Kavenegar line')
      .optional(),

    WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
    /** First retry delay of a failed webhook delivery; each next one doubles it. */
    WEBHOOK_RETRY_BASE_DELAY_MS: positiveInt.default(30_000),
    /** Delivery attempts per event and endpoint (8 at a 30 s base: about an hour). */
    WEBHOOK_ATTEMPTS: positiveInt.min(1).max(20).default(8),
    /** An endpoint whose deliveries have all failed for this long is disabled. */
    WEBHOOK_DISABLE_AFTER_MS: positiveInt.default(86_400_000),
    WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
    /** Deliveries to one endpoint under way at once, across all workers: a slow receiver cannot take every slot. */
    WEBHOOK_ENDPOINT_CONCURRENCY: positiveInt.max(20).default(2),
    /**
     * How often a worker process looks for webhook events committed to the outbox by any process (an
     * API-only one's included). A worker also relays its own process's events right after they commit.
     */
    WEBHOOK_OUTBOX_POLL_MS: positiveInt.min(50).max(60_000).default(1_000),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    if (production && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (production && env.SMS_DRIVER === 'log') {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_DRIVER'],
        message: '"log" prints sign-in codes and is refused when NODE_ENV=production',
      });
    }
    if ((env.SMS_DRIVER ?? (production ? 'kavenegar' : 'log')) === 'kavenegar' && !env.KAVENEGAR_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['KAVENEGAR_API_KEY'], message: 'is required when SMS_DRIVER=kavenegar' });
    }
    if (env.API_WORKERS !== undefined && env.API_WORKERS !== 1 && env.APP_ROLE !== 'api') {
      ctx.addIssue({
        code: 'custom',
        path: ['API_WORKERS'],
        message: `above 1 needs APP_ROLE=api (got APP_ROLE=${env.APP_ROLE}): run the queue workers as processes of their own (APP_ROLE=worker)`,
      });
    }
    if (env.DATABASE_POOLER === 'pgbouncer' && env.DB_MIGRATE_ON_START && !env.DATABASE_DIRECT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_DIRECT_URL'],
        message:
          'is required when DATABASE_POOLER=pgbouncer and DB_MIGRATE_ON_START=true: migrations hold a session-level lock, which needs a direct connection',
      });
    }
    if (production && !env.DATA_ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_ENCRYPTION_KEYS'],
        message: 'is required when NODE_ENV=production (webhook secrets are encrypted with it)',
      });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;
