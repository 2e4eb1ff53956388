import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Content } from '../../../src/content/domain/content';
import { MAX_VERSION_NUMBER } from '../../../src/content/domain/content-version';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { makeContentIn, makeProject, T0 } from '../../factories/content.factory';
import { recordAppQueries, type RecordedQuery } from '../../support/query-recorder';
import { openTestDataSource } from '../../support/test-data-source';

const VERSIONS = 300;

describe('TypeOrmContentRepository: pages of versions', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  let organizationId: string;
  let content: Content;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    contents = new TypeOrmContentRepository(dataSource);
    organizationId = randomUUID();
    const project = makeProject({ organizationId });
    await new TypeOrmProjectRepository(dataSource).add(project);
    content = makeContentIn('REVIEW', { organizationId, projectId: project.id });
    for (let number = 2; number <= VERSIONS; number++)
      content.editManually({ body: `متن نسخهٔ ${number}` }, content.createdBy, new Date(T0.getTime() + number * 1000));
    await contents.add(content);
    // Another content of the same organization, whose versions must never show.
    await contents.add(makeContentIn('APPROVED', { organizationId, projectId: project.id }));
    // Statistics that know the table holds hundreds of versions of one content, as it will in use.
    await dataSource.query('ANALYZE content_versions');
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const numbersOf = async (page: Parameters<TypeOrmContentRepository['listVersionPage']>[2]) =>
    (await contents.listVersionPage(organizationId, content.id, page)).map((version) => version.number);
  const range = (from: number, to: number) =>
    Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));

  it('reads a page oldest first from the start, and the next one after the last number', async () => {
    expect(await numbersOf({ order: 'asc', limit: 50 })).toEqual(range(1, 50));
    expect(await numbersOf({ order: 'asc', after: 50, limit: 50 })).toEqual(range(51, 100));
    expect(await numbersOf({ order: 'asc', after: 280, limit: 50 })).toEqual(range(281, 300));
  });

  it('reads newest first from the end, and the next page before the last number', async () => {
    expect(await numbersOf({ order: 'desc', limit: 3 })).toEqual([300, 299, 298]);
    expect(await numbersOf({ order: 'desc', before: 298, limit: 3 })).toEqual([297, 296, 295]);
    expect(await numbersOf({ order: 'desc', before: 3, limit: 50 })).toEqual([2, 1]);
  });

  it('keeps within both bounds when both are given', async () => {
    expect(await numbersOf({ order: 'asc', after: 10, before: 14, limit: 50 })).toEqual([11, 12, 13]);
    expect(await numbersOf({ order: 'desc', after: 10, before: 14, limit: 2 })).toEqual([13, 12]);
    expect(await numbersOf({ order: 'asc', after: 13, before: 14, limit: 50 })).toEqual([]);
  });

  it('loads whole versions: body, source, author and time', async () => {
    const [version] = await contents.listVersionPage(organizationId, content.id, {
      order: 'asc',
      after: 6,
      limit: 1,
    });
    expect(version).toEqual({
      number: 7,
      source: 'manual',
      body: 'متن نسخهٔ 7',
      model: null,
      usage: null,
      generationJobId: null,
      createdBy: content.createdBy,
      createdAt: new Date(T0.getTime() + 7000),
    });
  });

  it('answers an empty page, not an error, for cursors at or past the ends of the number range', async () => {
    expect(await numbersOf({ order: 'asc', after: MAX_VERSION_NUMBER, limit: 50 })).toEqual([]);
    expect(await numbersOf({ order: 'asc', after: Number.MAX_SAFE_INTEGER, limit: 50 })).toEqual([]);
    expect(await numbersOf({ order: 'desc', before: 1, limit: 50 })).toEqual([]);
    expect(await numbersOf({ order: 'desc', before: -5, limit: 50 })).toEqual([]);
    expect(await numbersOf({ order: 'asc', after: -5, limit: 2 })).toEqual([1, 2]);
    expect(await numbersOf({ order: 'asc', limit: 0 })).toEqual([]);
  });

  it('counts the versions of the content, and none through another organization', async () => {
    expect(await contents.countVersions(organizationId, content.id)).toBe(VERSIONS);
    expect(await contents.countVersions(randomUUID(), content.id)).toBe(0);
    expect(await contents.listVersionPage(randomUUID(), content.id, { order: 'asc', limit: 50 })).toEqual([]);
  });

  describe('the statement', () => {
    /** The one statement a page read sends, as sent. */
    async function statementOf(
      page: Parameters<TypeOrmContentRepository['listVersionPage']>[2],
    ): Promise<RecordedQuery> {
      const recorder = recordAppQueries();
      try {
        await contents.listVersionPage(organizationId, content.id, page);
      } finally {
        recorder.stop();
      }
      const reads = recorder.queries.filter((query) => /\bFROM\s+"content_versions"/i.test(query.text));
      expect(reads).toHaveLength(1);
      return reads[0] as RecordedQuery;
    }

    async function planOf(query: RecordedQuery): Promise<string> {
      return dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${query.text}`, [...query.values]);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    }

    it.each([
      ['oldest first', { order: 'asc' as const, after: 150, limit: 21 }, /Index Scan using pk_content_versions/],
      [
        'newest first',
        { order: 'desc' as const, before: 150, limit: 21 },
        /Index Scan Backward using pk_content_versions/,
      ],
    ])(
      'reads %s a range of the primary key (content_id, number) under a LIMIT: the page, never the whole list',
      async (_, page, scan) => {
        const query = await statementOf(page);
        expect(query.text).toMatch(/\bLIMIT 21\b/);

        const plan = await planOf(query);
        expect(plan.split('\n')[0]).toMatch(/^Limit\b/);
        expect(plan).toMatch(scan);
        expect(plan).toMatch(/Index Cond: \(\(content_id = .*\) AND \(number >= .*\) AND \(number <= .*\)\)/);
      },
    );
  });
});
