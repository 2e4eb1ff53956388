import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import {
  dataSourceOptions,
  inTransaction,
  readFromReplica,
  REPLICA_APPLICATION_NAME,
  TypeOrmUnitOfWork,
} from '#libs/database';
import { pageRequest } from '#libs/ddd';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { TypeOrmUsageReports } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-reports';
import { makeContent, makeProject } from '../../factories/content.factory';
import { recordAppQueries, type QueryRecorder } from '../../support/query-recorder';
import { seedUsageRecords } from '../../support/usage-records';

/**
 * DATABASE_READ_URLS pointing at the same server as DATABASE_URL: the rows are the same, and the
 * connection that served a statement tells itself apart by its application_name.
 */
async function openDataSource(readUrls: string[]): Promise<DataSource> {
  const config = loadConfig({ ...process.env, DATABASE_READ_URLS: readUrls.join(',') });
  return new DataSource(dataSourceOptions(config)).initialize();
}

const applicationName = async (manager: { query(sql: string): Promise<unknown> }) =>
  ((await manager.query(`SELECT current_setting('application_name') AS name`)) as { name: string }[])[0]?.name;

describe('read replicas (DATABASE_READ_URLS)', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  let organizationId: string;
  let projectId: string;
  let primary: QueryRecorder;
  let replica: QueryRecorder;

  beforeAll(async () => {
    dataSource = await openDataSource([process.env.DATABASE_URL ?? '']);
    contents = new TypeOrmContentRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    organizationId = randomUUID();
    const project = makeProject({ organizationId });
    await new TypeOrmProjectRepository(dataSource).add(project);
    projectId = project.id;
    primary = recordAppQueries();
    replica = recordAppQueries(REPLICA_APPLICATION_NAME);
  });

  afterEach(() => {
    replica.stop();
    primary.stop();
  });

  const readsOf = (recorder: QueryRecorder, table: string) =>
    recorder.queries.filter((query) => new RegExp(`\\bFROM\\s+"?${table}"?`, 'i').test(query.text));

  it('runs readFromReplica on a replica connection, and on the primary inside a transaction', async () => {
    expect(await readFromReplica(dataSource, applicationName)).toBe(REPLICA_APPLICATION_NAME);
    expect(await inTransaction(dataSource, () => readFromReplica(dataSource, applicationName))).toBe('contexor');
    expect(await new TypeOrmUnitOfWork(dataSource).run(() => readFromReplica(dataSource, applicationName))).toBe(
      'contexor',
    );
  });

  it('runs everything on the primary when there is no replica', async () => {
    const single = await openDataSource([]);
    try {
      expect(await readFromReplica(single, applicationName)).toBe('contexor');
    } finally {
      await single.destroy();
    }
  });

  it('writes on the primary, and serves content lists, searches and exports from the replica', async () => {
    const content = makeContent({ organizationId, projectId, title: 'کمپین زعفران' });
    await contents.add(content);
    expect(replica.queries).toEqual([]);
    expect(primary.queries.some((query) => /^\s*INSERT INTO "?contents"?/i.test(query.text))).toBe(true);
    primary.queries.length = 0;

    const list = await contents.listForProject(organizationId, projectId, {}, pageRequest(1, 20));
    const search = await contents.listForProject(organizationId, projectId, { q: 'زعفران' }, pageRequest(1, 20));
    const exported = await contents.listForProjectAfter(organizationId, projectId, undefined, 20);

    for (const page of [list.items, search.items, exported.items])
      expect(page.map((item) => item.id)).toEqual([content.id]);
    expect(readsOf(replica, 'contents').length).toBeGreaterThanOrEqual(4);
    expect(readsOf(primary, 'contents')).toEqual([]);
  });

  it('serves a list read inside a unit of work from the primary, through its transaction', async () => {
    await contents.add(makeContent({ organizationId, projectId }));
    primary.queries.length = 0;

    const page = await new TypeOrmUnitOfWork(dataSource).run(() =>
      contents.listForProject(organizationId, projectId, {}, pageRequest(1, 20)),
    );

    expect(page.total).toBe(1);
    expect(replica.queries).toEqual([]);
    expect(readsOf(primary, 'contents').length).toBeGreaterThan(0);
  });

  it('serves usage reports from the replica', async () => {
    await seedUsageRecords(dataSource, [{ organizationId, createdAt: '2026-11-10T00:00:00Z' }]);
    primary.queries.length = 0;

    const report = await new TypeOrmUsageReports(dataSource).report(
      organizationId,
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
      'model',
      0,
    );

    expect(report.totals.requests).toBe(1);
    expect(readsOf(replica, 'usage_records')).toHaveLength(1);
    expect(readsOf(primary, 'usage_records')).toEqual([]);
  });
});
