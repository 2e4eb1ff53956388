import { Client } from 'pg';

/** Creates the database named in `url` when it does not exist yet. Returns whether it created it. */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withMaintenanceConnection(url, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/** Drops the database named in `url`, disconnecting anyone still using it (tests clean up with this). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceConnection(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

// The name goes into DDL, which cannot take parameters: only plain identifiers are allowed.
function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-zA-Z0-9_]{1,63}$/.test(name)) throw new Error(`Database name "${name}" must be letters, digits and _ only`);
  return name;
}

async function withMaintenanceConnection<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
