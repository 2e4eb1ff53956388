// Loaded in every integration and e2e worker before the test file. global-setup has already
// set DATABASE_URL, REDIS_URL and REDIS_PREFIX for this run.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.LOG_FORMAT = 'json';
process.env.DB_MIGRATE_ON_START = 'false';
process.env.SMS_DRIVER = process.env.SMS_DRIVER ?? 'log';
// Test files sign in hundreds of users a minute; the one spec of these ceilings sets its own.
process.env.AUTH_OTP_REQUESTS_PER_MINUTE ??= '100000';
process.env.AUTH_OTP_VERIFIES_PER_MINUTE ??= '100000';
process.env.AUTH_REFRESHES_PER_MINUTE ??= '100000';
// Worker roots booted by tests (in this process or as child processes) serve no /metrics port
// unless a test asks for one: parallel test files would otherwise all want 9464.
process.env.METRICS_PORT ??= '0';

// Adapters under integration test log through Nest's static logger; keep the test output readable.
if (process.env.LOG_LEVEL === 'silent') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@nestjs/common') as typeof import('@nestjs/common')).Logger.overrideLogger(false);
}
