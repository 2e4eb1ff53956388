import {
  LocalServiceError,
  maskUrl,
  startLocalServices,
  type LocalServiceDrivers,
  type LocalServicesInput,
} from './local-services';

const DEFAULT_DATABASE = 'postgres://postgres@127.0.0.1:5432/contexor';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379/0';

/** A machine where nothing answers, every port is free and redis-server is on PATH, unless told otherwise. */
function machine(overrides: Partial<LocalServiceDrivers> = {}) {
  const events: string[] = [];
  const drivers: LocalServiceDrivers = {
    postgresAnswers: () => Promise.resolve(false),
    redisAnswers: () => Promise.resolve(false),
    portIsFree: () => Promise.resolve(true),
    freePort: () => Promise.resolve(41234),
    startPostgres: ({ dir, port }) => {
      events.push(`start postgres ${dir} :${port}`);
      return Promise.resolve({ version: '18', created: true, stop: async () => void events.push('stop postgres') });
    },
    findRedisServer: () => '/usr/bin/redis-server',
    startRedis: ({ command, dir, port }) => {
      events.push(`start ${command} ${dir} :${port}`);
      return Promise.resolve({ version: '7.0.15', created: true, stop: async () => void events.push('stop redis') });
    },
    ...overrides,
  };
  return { drivers, events };
}

function input(overrides: Partial<LocalServicesInput> = {}): LocalServicesInput & { lines: string[] } {
  const lines: string[] = [];
  return {
    production: false,
    databaseUrl: DEFAULT_DATABASE,
    redisUrl: DEFAULT_REDIS,
    dir: '/repo/.data',
    log: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

/** The one-line error start-up stops with. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  await expect(attempt).rejects.toBeInstanceOf(LocalServiceError);
  return attempt.then(
    () => '',
    (error: Error) => error.message,
  );
}

describe('startLocalServices', () => {
  it('starts an embedded PostgreSQL and a redis-server when nothing answers at the default URLs outside production', async () => {
    const { drivers, events } = machine();
    const given = input();

    const services = await startLocalServices(given, drivers);

    expect(services.databaseUrl).toBe(DEFAULT_DATABASE);
    expect(services.redisUrl).toBe(DEFAULT_REDIS);
    expect(events).toEqual([
      'start postgres /repo/.data/postgres :5432',
      'start /usr/bin/redis-server /repo/.data/redis :6379',
    ]);
    expect(given.lines).toEqual([
      `Contexor: no PostgreSQL at ${DEFAULT_DATABASE}; started a new embedded PostgreSQL 18 (data in /repo/.data/postgres)`,
      `Contexor: no Redis at ${DEFAULT_REDIS}; started a local redis-server 7.0.15 (data in /repo/.data/redis)`,
    ]);
    await services.stop();
    expect(events.slice(2)).toEqual(['stop redis', 'stop postgres']);
  });

  it('counts a URL on the default server as the default, whatever its database (the tests use their own)', async () => {
    const { drivers, events } = machine();
    const services = await startLocalServices(
      input({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', redisUrl: 'redis://127.0.0.1:6379/13' }),
      drivers,
    );
    expect(events).toHaveLength(2);
    expect(services.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('starts nothing and logs nothing when the default servers answer', async () => {
    const { drivers, events } = machine({
      postgresAnswers: () => Promise.resolve(true),
      redisAnswers: () => Promise.resolve(true),
    });
    const given = input();
    const services = await startLocalServices(given, drivers);
    expect(services).toMatchObject({ databaseUrl: DEFAULT_DATABASE, redisUrl: DEFAULT_REDIS });
    expect(events).toEqual([]);
    expect(given.lines).toEqual([]);
  });

  it('takes a free port, and says so, when something that is not PostgreSQL holds the default one', async () => {
    const { drivers, events } = machine({
      portIsFree: (port) => Promise.resolve(port !== 5432),
      redisAnswers: () => Promise.resolve(true),
    });
    const given = input();
    const services = await startLocalServices(given, drivers);
    expect(services.databaseUrl).toBe('postgres://postgres@127.0.0.1:41234/contexor');
    expect(events).toEqual(['start postgres /repo/.data/postgres :41234']);
    expect(given.lines).toEqual([
      `Contexor: no PostgreSQL at ${DEFAULT_DATABASE}; started a new embedded PostgreSQL 18 on 127.0.0.1:41234, as something else holds port 5432 (data in /repo/.data/postgres)`,
    ]);
  });

  it('never starts anything in production: one line names the URL it could not reach, password masked', async () => {
    const { drivers, events } = machine();
    const message = await refusal(
      startLocalServices(
        input({ production: true, databaseUrl: 'postgres://contexor:s3cret-pass@db.internal:5432/contexor' }),
        drivers,
      ),
    );
    expect(message).toBe('no PostgreSQL answers at postgres://contexor:***@db.internal:5432/contexor (DATABASE_URL)');
    expect(events).toEqual([]);
  });

  it('never starts anything in production, even at the default URL', async () => {
    const { drivers, events } = machine({ postgresAnswers: () => Promise.resolve(true) });
    const message = await refusal(startLocalServices(input({ production: true }), drivers));
    expect(message).toBe(`no Redis answers at ${DEFAULT_REDIS} (REDIS_URL)`);
    expect(events).toEqual([]);
  });

  it('never starts a local server for a URL that is not the default', async () => {
    const { drivers, events } = machine();
    for (const databaseUrl of [
      'postgres://postgres@127.0.0.1:5433/contexor',
      'postgres://postgres:pw@127.0.0.1:5432/contexor',
      'postgres://app@127.0.0.1:5432/contexor',
      'postgres://postgres@localhost:5432/contexor',
    ]) {
      const message = await refusal(startLocalServices(input({ databaseUrl }), drivers));
      expect(message).toBe(
        `no PostgreSQL answers at ${maskUrl(databaseUrl)} (DATABASE_URL); DATABASE_URL names a server of its own, so no local PostgreSQL is started`,
      );
    }
    expect(events).toEqual([]);
  });

  it('says in one line how to get Redis when no redis-server is on PATH, and stops the PostgreSQL it started', async () => {
    const { drivers, events } = machine({ findRedisServer: () => null });
    const message = await refusal(startLocalServices(input(), drivers));
    expect(message).toBe(
      `no Redis answers at ${DEFAULT_REDIS}, and there is no redis-server on PATH to start one: ` +
        'install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) ' +
        'or run both services in Docker: docker compose -f docker/docker-compose.dev.yml up -d',
    );
    expect(events).toEqual(['start postgres /repo/.data/postgres :5432', 'stop postgres']);
  });
});

describe('maskUrl', () => {
  it('hides a password in the user part or in a password parameter', () => {
    expect(maskUrl('postgres://u:p%40ss@h:5432/d?sslmode=require')).toBe('postgres://u:***@h:5432/d?sslmode=require');
    expect(maskUrl('postgres://u@h/d?password=secret')).toBe('postgres://u@h/d?password=***');
    expect(maskUrl('redis://:secret@h:6379/0')).toBe('redis://:***@h:6379/0');
    expect(maskUrl('redis://127.0.0.1:6379/0')).toBe('redis://127.0.0.1:6379/0');
  });
});
