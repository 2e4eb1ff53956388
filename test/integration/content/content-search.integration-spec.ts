import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { pageRequest, type PageRequest } from '#libs/ddd';
import type { ContentFilter } from '../../../src/content/application/ports/content.repository';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { makeProject } from '../../factories/content.factory';
import { previousContentSearch } from '../../support/previous-content-search';
import { rerunMigration } from '../../support/rerun-migration';
import { openTestDataSource } from '../../support/test-data-source';
import { ContentSearchEntries1795600001500 } from '../../../migrations/1795600001500-ContentSearchEntries';

/**
 * The search against the query it replaced (previousContentSearch, kept verbatim as the reference).
 * Words are spread so that pages are found both ways: among the newest rows (common words) and from
 * every match (rare words, deep pages).
 */
describe('content search: the same total and page, in the same order, as the query it replaced (PostgreSQL)', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  const organizationId = randomUUID();
  const authors = [randomUUID(), randomUUID(), randomUUID()];
  let bigProject: string;
  let smallProject: string;
  let projectIds: string[] = [];

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    contents = new TypeOrmContentRepository(dataSource);
    const projects = new TypeOrmProjectRepository(dataSource);
    const [big, small, elsewhere] = [
      makeProject({ organizationId }),
      makeProject({ organizationId }),
      makeProject({ organizationId: randomUUID() }),
    ];
    for (const project of [big, small, elsewhere]) await projects.add(project);
    [bigProject, smallProject] = [big.id, small.id];
    // In every project the same words: alpha in 40 % of the rows, کمپین in 25 %, beta in 5 %, gamma in
    // 0.5 %; created three to a minute, so that equal times are ordered by id.
    for (const [project, count] of [
      [big, 1_200],
      [small, 50],
      [elsewhere, 300],
    ] as const)
      await dataSource.query(
        `INSERT INTO contents (organization_id, workspace_id, project_id, title, prompt, body, status, model, created_by, created_at, updated_at)
         SELECT $1, $2, $3,
                concat_ws(' ', CASE WHEN i % 5 < 2 THEN 'Alpha' END, CASE WHEN i % 4 = 1 THEN 'کمپین' END, 'شماره ' || i),
                CASE WHEN i % 20 = 3 THEN 'یک متن beta بنویس' ELSE 'یک متن بنویس' END,
                CASE WHEN i % 200 = 7 THEN 'gammas and more' END,
                (ARRAY['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED'])[1 + i % 4], 'gpt-4.1-mini',
                ($5::uuid[])[1 + i % 3],
                timestamptz '2026-11-01' + (i / 3) * interval '1 minute', timestamptz '2026-11-01'
           FROM generate_series(1, $4) AS i`,
        [project.snapshot().organizationId, project.snapshot().workspaceId, project.id, count, authors],
      );
    projectIds = [big.id, small.id, elsewhere.id];
  });

  afterAll(async () => {
    // 1 550 contents in two organizations would skew the planner's statistics for the specs that follow.
    await dataSource.query('DELETE FROM projects WHERE id = ANY($1)', [projectIds]);
    await dataSource.query('ANALYZE contents, content_search_entries');
    await dataSource.destroy();
  });

  const previousSearch = (projectId: string, filter: ContentFilter, page: PageRequest) =>
    previousContentSearch(dataSource, organizationId, projectId, filter, page);

  const queries = ['alpha', 'ALP', 'کمپین', 'alpha کمپين', 'beta', 'gamma', 'beta alpha', 'delta'];
  const filters: ContentFilter[] = [
    {},
    { statuses: ['REVIEW'] },
    { statuses: ['DRAFT', 'APPROVED'] },
    { createdBy: authors[1] },
    { from: new Date('2026-11-01T01:00:00Z'), to: new Date('2026-11-01T03:00:00Z') },
    { statuses: ['REJECTED'], createdBy: authors[2] },
  ];
  const pages = [pageRequest(1, 20), pageRequest(2, 20), pageRequest(5, 20), pageRequest(1, 1), pageRequest(3, 7)];
  const deepPages = [pageRequest(1, 100), pageRequest(12, 20), pageRequest(40, 20), pageRequest(500, 20)];

  it('answers every word, filter and page in the big project as before', async () => {
    for (const q of queries)
      for (const filter of filters)
        for (const page of [...pages, ...deepPages]) {
          const searched = await contents.listForProject(organizationId, bigProject, { ...filter, q }, page);
          expect({ q, filter, page, total: searched.total, ids: searched.items.map((item) => item.id) }).toEqual({
            q,
            filter,
            page,
            ...(await previousSearch(bigProject, { ...filter, q }, page)),
          });
        }
  });

  it('answers every word and page as before in a project smaller than the rows it looks at first', async () => {
    for (const q of queries)
      for (const page of pages) {
        const searched = await contents.listForProject(organizationId, smallProject, { q }, page);
        expect({ q, page, total: searched.total, ids: searched.items.map((item) => item.id) }).toEqual({
          q,
          page,
          ...(await previousSearch(smallProject, { q }, page)),
        });
      }
  });

  it('loads whole contents of the page, newest first with id DESC between equal times', async () => {
    const searched = await contents.listForProject(organizationId, bigProject, { q: 'alpha' }, pageRequest(1, 12));
    expect(searched.total).toBe(480);
    expect(searched.items).toHaveLength(12);
    for (const item of searched.items)
      expect(item).toMatchObject({ organizationId, projectId: bigProject, title: expect.stringMatching(/^Alpha /) });
    const keys = searched.items.map((item) => [item.createdAt.toISOString(), item.id].join(' '));
    expect(keys).toEqual([...keys].sort().reverse());
  });

  describe('content_search_entries, the narrow copy the matches are counted in', () => {
    /** Contents of the organization whose entry is missing or differs from the row, and entries without a content. */
    const drift = () =>
      dataSource.query(
        `SELECT c.id, s.content_id FROM contents c FULL JOIN content_search_entries s ON s.content_id = c.id
          WHERE (c.organization_id = $1 OR s.organization_id = $1)
            AND (c.id IS NULL OR s.content_id IS NULL OR s.search_vector <> strip(c.search_vector)
                 OR s.organization_id <> c.organization_id OR s.project_id <> c.project_id OR s.created_at <> c.created_at)`,
        [organizationId],
      );
    const entryOf = async (contentId: string) =>
      (
        (await dataSource.query(
          'SELECT xmin::text AS version, search_vector::text AS vector FROM content_search_entries WHERE content_id = $1',
          [contentId],
        )) as { version: string; vector: string }[]
      )[0];
    const newestOfSmallProject = async () =>
      (
        (await dataSource.query(
          'SELECT id FROM contents WHERE project_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
          [smallProject],
        )) as { id: string }[]
      )[0]!.id;

    it('holds every content of the organization: its vector without positions, organization, project and creation time', async () => {
      expect(await drift()).toEqual([]);
      const rows = (await dataSource.query(
        'SELECT count(*)::int AS n FROM content_search_entries WHERE organization_id = $1',
        [organizationId],
      )) as { n: number }[];
      expect(rows[0]?.n).toBe(1_250);
    });

    it('follows a change of the text in the same statement, and is not written by other changes', async () => {
      const id = await newestOfSmallProject();
      await dataSource.query(`UPDATE contents SET title = 'Delta روز' WHERE id = $1`, [id]);
      const changed = (await entryOf(id))?.vector;
      expect(changed).toContain(`'delta'`);
      expect(changed).not.toContain(`'alpha'`);
      expect(changed).not.toMatch(/:\d/); // no positions
      expect(
        (await contents.listForProject(organizationId, smallProject, { q: 'delt' }, pageRequest())).items.map(
          (item) => item.id,
        ),
      ).toEqual([id]);

      const before = await entryOf(id);
      await dataSource.query(`UPDATE contents SET status = 'APPROVED', updated_at = now() WHERE id = $1`, [id]);
      expect(await entryOf(id)).toEqual(before);
      expect(await drift()).toEqual([]);
    });

    it('goes with its content', async () => {
      const id = await newestOfSmallProject();
      await dataSource.query('DELETE FROM contents WHERE id = $1', [id]);
      expect(await entryOf(id)).toBeUndefined();
      expect(await drift()).toEqual([]);
    });

    it('is backfilled from the existing contents by its migration', async () => {
      const model = await newestOfSmallProject();
      // Contents written before the entries existed.
      await rerunMigration(dataSource, new ContentSearchEntries1795600001500(), (runner) =>
        runner.query(
          `INSERT INTO contents (organization_id, workspace_id, project_id, title, prompt, status, model, created_by)
           SELECT organization_id, workspace_id, project_id, 'Epsilon ' || i, 'یک متن', 'DRAFT', 'gpt-4.1-mini', created_by
             FROM contents, generate_series(1, 3) AS i WHERE id = $1`,
          [model],
        ),
      );

      expect(await drift()).toEqual([]);
      expect((await contents.listForProject(organizationId, smallProject, { q: 'epsilon' }, pageRequest())).total).toBe(
        3,
      );
    });
  });
});
