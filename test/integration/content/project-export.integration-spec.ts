import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ContentView } from '../../../src/content/application/ports/content.repository';
import type { ContentExport } from '../../../src/content/application/use-cases/export/content-export';
import { EXPORT_VERSION_BATCH } from '../../../src/content/application/use-cases/export/exported-versions';
import {
  EXPORT_CONTENT_BATCH,
  ExportProjectUseCase,
} from '../../../src/content/application/use-cases/export/export-project.use-case';
import type { Project } from '../../../src/content/domain/project';
import { TypeOrmContentRepository } from '../../../src/content/infrastructure/typeorm/typeorm-content.repository';
import { TypeOrmProjectRepository } from '../../../src/content/infrastructure/typeorm/typeorm-project.repository';
import {
  contentExportJson,
  projectExportJsonText,
} from '../../../src/content/presentation/http/export/content-export.json';
import { makeContentIn, makeProject, T0 } from '../../factories/content.factory';
import { InMemoryContentPolicyRepository } from '../../fakes/content/in-memory-content.repositories';
import { recordAppQueries, type RecordedQuery } from '../../support/query-recorder';
import { openTestDataSource } from '../../support/test-data-source';

/** Versions of each of the large contents: several batches and a partial one. */
const MANY = 2 * EXPORT_VERSION_BATCH + 7;
/** Small contents, enough for a second page of contents. */
const SMALL = EXPORT_CONTENT_BATCH + 2;

describe('ExportProjectUseCase on PostgreSQL', () => {
  let dataSource: DataSource;
  let contents: TypeOrmContentRepository;
  let exportProject: ExportProjectUseCase;
  let project: Project;
  const organizationId = randomUUID();

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    contents = new TypeOrmContentRepository(dataSource);
    const projects = new TypeOrmProjectRepository(dataSource);
    // The content policy's only say here is redaction, which the e2e spec of the exports covers.
    exportProject = new ExportProjectUseCase(projects, contents, new InMemoryContentPolicyRepository());
    project = makeProject({ organizationId });
    await projects.add(project);
    for (let i = 1; i <= 3; i++) {
      // Newer than the small ones: written first, each with bodies JSON must escape.
      const content = makeContentIn('REVIEW', {
        organizationId,
        projectId: project.id,
        now: new Date(T0.getTime() + i * 1000),
      });
      for (let number = 2; number <= MANY; number++)
        content.editManually(
          { body: `نسخهٔ ${number}: "نقل‌قول" \\ \t\n🙂 \u2028 ${'ـ'.repeat(50 * number)}` },
          content.createdBy,
          new Date(T0.getTime() + number),
        );
      await contents.add(content);
    }
    for (let i = 0; i < SMALL; i++)
      await contents.add(makeContentIn(i % 5 ? 'REVIEW' : 'DRAFT', { organizationId, projectId: project.id }));
    // The small ones share one millisecond and differ in microseconds, as rows written with the
    // column's default now() do: a page that ends among them must carry the exact time on.
    await dataSource.query(
      `UPDATE contents c SET created_at = c.created_at + (1 + n.i % 3) * interval '300 microseconds'
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM contents WHERE project_id = $1 AND created_at = $2) n
        WHERE c.id = n.id`,
      [project.id, T0],
    );
    // Another project of the organization, which must not show.
    const other = makeProject({ organizationId });
    await projects.add(other);
    await contents.add(makeContentIn('REVIEW', { organizationId, projectId: other.id }));
    await dataSource.query('ANALYZE contents');
  });

  afterAll(async () => {
    // Its large versions would otherwise skew the statistics the plans of other specs depend on.
    await dataSource.query('DELETE FROM projects WHERE organization_id = $1', [organizationId]);
    await dataSource.query('ANALYZE contents, content_versions');
    await dataSource.destroy();
  });

  /** The export as the project export wrote it before it was streamed: offset pages, every version at once. */
  async function writtenWhole(): Promise<string> {
    const views: ContentView[] = [];
    for (let page = 1; ; page++) {
      const { items } = await contents.listForProject(organizationId, project.id, {}, { page, limit: 100 });
      views.push(...items);
      if (items.length < 100) break;
    }
    const exports: ContentExport[] = [];
    for (const content of views)
      exports.push({
        content,
        versions: await contents.listVersionPage(organizationId, content.id, { order: 'asc', limit: 10_000 }),
      });
    return `[${exports.map((exported, i) => `${i ? ',' : ''}\n${JSON.stringify(contentExportJson(exported))}`).join('')}${
      exports.length ? '\n]\n' : ']\n'
    }`;
  }

  async function streamed(): Promise<{ text: string; queries: RecordedQuery[] }> {
    const recorder = recordAppQueries();
    const chunks: string[] = [];
    try {
      for await (const chunk of projectExportJsonText(
        await exportProject.execute({ userId: randomUUID(), organizationId, role: 'VIEWER' }, project.id),
      ))
        chunks.push(chunk);
    } finally {
      recorder.stop();
    }
    return { text: chunks.join(''), queries: recorder.queries };
  }

  it('writes, byte for byte, what JSON.stringify wrote of the whole project', async () => {
    const { text } = await streamed();

    expect(text).toBe(await writtenWhole());
    const exported = JSON.parse(text) as { versions: unknown[] }[];
    expect(exported).toHaveLength(3 + SMALL);
    expect(exported.slice(0, 3).map((content) => content.versions.length)).toEqual([MANY, MANY, MANY]);
  });

  it('reads versions one content at a time, at most a batch per statement, and contents by keyset', async () => {
    const { queries } = await streamed();

    const versionReads = queries.filter((query) => /\bFROM\s+"content_versions"/i.test(query.text));
    const withVersions = 3 + SMALL - Math.ceil(SMALL / 5);
    // Each large content in three batches; each other content with versions in one.
    expect(versionReads).toHaveLength(3 * Math.ceil(MANY / EXPORT_VERSION_BATCH) + withVersions - 3);
    for (const query of versionReads) {
      expect(query.text).toMatch(new RegExp(`\\bLIMIT ${EXPORT_VERSION_BATCH}\\b`));
      expect(query.text).not.toMatch(/\bIN\s*\(|\bANY\s*\(/i);
    }
    const contentReads = queries.filter((query) => /\bFROM\s+"contents"/i.test(query.text));
    expect(contentReads).toHaveLength(2);
    for (const query of contentReads) {
      expect(query.text).toMatch(new RegExp(`\\bLIMIT ${EXPORT_CONTENT_BATCH}\\b`));
      expect(query.text).not.toMatch(/\bOFFSET\b|\bCOUNT\s*\(/i);
    }
  });

  it('reads a page of contents after a key as a range of idx_contents_project_created', async () => {
    const first = await contents.listForProjectAfter(organizationId, project.id, undefined, 3);
    const recorder = recordAppQueries();
    try {
      await contents.listForProjectAfter(organizationId, project.id, first.last, 10);
    } finally {
      recorder.stop();
    }
    const [query] = recorder.queries.filter((recorded) => /\bFROM\s+"contents"/i.test(recorded.text));

    // Whether the planner takes this index or idx_contents_organization_created depends on statistics
    // (here every content of the organization is in one project, so both are as selective, and CI saw
    // either). What is asserted is that this index serves the page as a keyset range: the other is
    // dropped inside the transaction, which is rolled back.
    const runner = dataSource.createQueryRunner();
    let plan: string;
    try {
      await runner.startTransaction();
      await runner.query('DROP INDEX idx_contents_organization_created');
      await runner.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${query?.text}`, [...(query?.values ?? [])]);
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(plan.split('\n')[0]).toMatch(/^Limit\b/);
    expect(plan).toMatch(/Index Scan Backward using idx_contents_project_created/);
    expect(plan).toMatch(/Index Cond: \(\(project_id = .*\) AND \(ROW\(created_at, id\) < ROW\(/);
  });
});
