import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with no environment at all, against localhost', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/contexor');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379/0');
    expect(config.http.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.sms.driver).toBe('log');
    expect(config.http.bodyLimitBytes).toBe(1_048_576);
  });

  it.each([
    ['APP_ROLE', 'everything'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['METRICS_PORT', '70000'],
    ['METRICS_PORT', '-1'],
    ['METRICS_PORT', 'nine'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['DB_MIGRATE_ON_START', 'yes'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'short'],
    ['CLIENT_ADDRESS_SECRET', 'x'.repeat(31)],
    ['USAGE_PRICES', '{not json'],
    ['USAGE_PRICES', '[1,2]'],
    ['USAGE_FALLBACK_PRICE', '{"input": '],
    ['AI_CONCURRENCY', '0'],
    ['DB_ACQUIRE_TIMEOUT_MS', '0'],
    ['DB_STATEMENT_TIMEOUT_MS', '-1'],
    ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', '1.5'],
    ['API_WORKERS', '0'],
    ['API_WORKERS', 'many'],
    ['API_WORKERS', '1.5'],
    ['DATABASE_DIRECT_URL', 'mysql://localhost/db'],
    ['DATABASE_READ_URLS', 'postgres://replica/db, redis://cache'],
    ['DATABASE_POOLER', 'pgpool'],
  ])('refuses %s=%j with one line naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('requires JWT_SECRET and a real SMS driver in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', KAVENEGAR_API_KEY: 'key' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SMS_DRIVER: 'log' })).toThrow(
      /SMS_DRIVER/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/KAVENEGAR_API_KEY/);
  });

  it('requires DATA_ENCRYPTION_KEYS in production, and reads id:base64 keys with the first one current', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), KAVENEGAR_API_KEY: 'key' };
    expect(() => loadConfig(production)).toThrow(/DATA_ENCRYPTION_KEYS/);
    const [k2, k1] = [Buffer.alloc(32, 2), Buffer.alloc(32, 1)];
    const config = loadConfig({
      ...production,
      DATA_ENCRYPTION_KEYS: `k2:${k2.toString('base64')}, k1:${k1.toString('base64')}`,
    });
    expect(config.dataEncryptionKeys).toEqual([
      { id: 'k2', key: k2 },
      { id: 'k1', key: k1 },
    ]);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(
      /DATA_ENCRYPTION_KEYS/,
    );
    expect(() =>
      loadConfig({ DATA_ENCRYPTION_KEYS: `k1:${k1.toString('base64')},k1:${k2.toString('base64')}` }),
    ).toThrow(/DATA_ENCRYPTION_KEYS/);
  });

  it('reads TRUST_PROXY as no proxy, the private-network proxies, or a list of addresses and CIDRs', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, ::1' }).http.trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('reads CLIENT_ADDRESS_SECRET as absent (the header is ignored) or a secret of at least 32 characters', () => {
    expect(loadConfig({}).http.clientAddressSecret).toBeNull();
    expect(loadConfig({ CLIENT_ADDRESS_SECRET: 's'.repeat(32) }).http.clientAddressSecret).toBe('s'.repeat(32));
    expect(() => loadConfig({ CLIENT_ADDRESS_SECRET: 'too-short-secret' })).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('too-short-secret') }),
    );
  });

  it('derives a development key outside production when no key is set', () => {
    expect(loadConfig({}).dataEncryptionKeys).toEqual([{ id: 'dev', key: expect.any(Buffer) }]);
  });

  it('never echoes a secret value in its error', () => {
    expect(() => loadConfig({ JWT_SECRET: 'tiny-secret' })).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('tiny-secret') }),
    );
  });

  it('bounds every database wait by default and reads each bound', () => {
    expect(loadConfig({}).database).toMatchObject({
      acquireTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 10_000,
    });
    const config = loadConfig({
      DB_ACQUIRE_TIMEOUT_MS: '250',
      DB_STATEMENT_TIMEOUT_MS: '1000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
    });
    expect(config.database).toMatchObject({
      acquireTimeoutMs: 250,
      statementTimeoutMs: 1_000,
      idleInTransactionTimeoutMs: 2_000,
    });
  });

  it('polls the webhook outbox every second by default, and refuses an interval outside 50 ms to 1 min', () => {
    expect(loadConfig({}).webhooks.outboxPollMs).toBe(1_000);
    expect(loadConfig({ WEBHOOK_OUTBOX_POLL_MS: '250' }).webhooks.outboxPollMs).toBe(250);
    for (const value of ['0', '10', '60001', 'soon']) {
      expect(() => loadConfig({ WEBHOOK_OUTBOX_POLL_MS: value })).toThrow(/WEBHOOK_OUTBOX_POLL_MS/);
    }
  });

  it('serves worker metrics on port 9464 by default, on another port, or not at all with 0', () => {
    expect(loadConfig({}).metrics.port).toBe(9464);
    expect(loadConfig({ METRICS_PORT: '9100' }).metrics.port).toBe(9100);
    expect(loadConfig({ METRICS_PORT: '0' }).metrics.port).toBeNull();
  });

  it('runs one HTTP process by default, one per core for the api role in production, or API_WORKERS of them', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      KAVENEGAR_API_KEY: 'key',
      DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    const cores = availableParallelism();
    expect(loadConfig({}).http.workers).toBe(1);
    expect(loadConfig({ APP_ROLE: 'api' }).http.workers).toBe(1);
    expect(loadConfig({ ...production, APP_ROLE: 'api' }).http.workers).toBe(cores);
    expect(loadConfig({ ...production, APP_ROLE: 'all' }).http.workers).toBe(1);
    expect(loadConfig({ APP_ROLE: 'api', API_WORKERS: '3' }).http.workers).toBe(3);
    expect(loadConfig({ APP_ROLE: 'api', API_WORKERS: 'auto' }).http.workers).toBe(cores);
    expect(loadConfig({ APP_ROLE: 'all', API_WORKERS: '1' }).http.workers).toBe(1);
  });

  it('refuses more than one API worker unless APP_ROLE=api: queue workers are processes of their own', () => {
    for (const role of ['all', 'worker']) {
      expect(() => loadConfig({ APP_ROLE: role, API_WORKERS: '2' })).toThrow(
        /^Invalid configuration: API_WORKERS above 1 needs APP_ROLE=api/,
      );
    }
    expect(() => loadConfig({ API_WORKERS: 'auto' })).toThrow(/API_WORKERS/);
  });

  it('reads read replicas and a direct URL for migrations, which default to none and DATABASE_URL', () => {
    expect(loadConfig({}).database).toMatchObject({
      directUrl: 'postgres://postgres@127.0.0.1:5432/contexor',
      readUrls: [],
      pooler: 'none',
    });
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@pgbouncer:6432/contexor',
      DATABASE_DIRECT_URL: 'postgres://app@db:5432/contexor',
      DATABASE_READ_URLS: 'postgres://app@replica-1/contexor, postgres://app@replica-2/contexor',
      DATABASE_POOLER: 'pgbouncer',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://app@pgbouncer:6432/contexor',
      directUrl: 'postgres://app@db:5432/contexor',
      readUrls: ['postgres://app@replica-1/contexor', 'postgres://app@replica-2/contexor'],
      pooler: 'pgbouncer',
    });
  });

  it('behind PgBouncer, refuses to migrate on start without a direct connection for the migration lock', () => {
    expect(() => loadConfig({ DATABASE_POOLER: 'pgbouncer' })).toThrow(/^Invalid configuration: DATABASE_DIRECT_URL /);
    expect(loadConfig({ DATABASE_POOLER: 'pgbouncer', DB_MIGRATE_ON_START: 'false' }).database.pooler).toBe(
      'pgbouncer',
    );
  });

  it('reads the CORS origin list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).http.corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
