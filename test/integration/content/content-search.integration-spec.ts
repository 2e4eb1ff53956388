import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { pageRequest, type PageRequest } from '#libs/ddd';
import type { ContentFilter } from '../../../src/content/application/ports/content.repository';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import { makeProject } from '../../factories/content.factory';
import { previousContentSearch } from '../../support/previous-content-search';
import { openTestDataSource } from '../../support/test-data-source';

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
    await dataSource.query('ANALYZE contents');
  });

  afterAll(async () => {
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
});
