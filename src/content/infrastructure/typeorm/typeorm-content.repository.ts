import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, In, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { queryPrepared, readFromReplica } from '#libs/database';
import { DomainError, NotFoundError, offsetOf, type Page, type PageRequest } from '#libs/ddd';
import {
  ContentRepository,
  toContentView,
  type ContentChange,
  type ContentFilter,
  type ContentKeysetPage,
  type ContentListKey,
  type ContentView,
  type RunningGeneration,
  type VersionPageRequest,
} from '../../application/ports/content.repository';
import type { Content } from '../../domain/content';
import { MAX_VERSION_NUMBER, type ContentVersion } from '../../domain/content-version';
import { searchTermsOf } from '../../domain/search/search-terms';
import { statusChangeOf } from '../../domain/status-change';
import { ContentEntity } from './content.entity';
import { ContentMapper } from './content.mapper';
import { ContentRowStatements } from './content-row-statements';
import { ContentVersionEntity } from './content-version.entity';
import { isForeignKeyViolation } from './postgres-errors';

/** The stored tsvector of title, prompt and body, normalised (see the ContentSearch migration). */
export const SEARCH_VECTOR = 'c.search_vector';

/**
 * A search looks for a page among the newest rows of the list first: this many times the rows up to
 * the page's end (offset plus limit), when that is at most SEARCH_PROBE_MAX_ROWS. A word in a tenth of
 * the rows or more fills its first pages there; rarer words and deeper pages take every match from
 * the GIN index instead.
 */
const SEARCH_PROBE_FACTOR = 10;
const SEARCH_PROBE_MAX_ROWS = 2_000;

/** How often a change is tried again on the newer state before it gives up. */
const MAX_WRITE_ATTEMPTS = 10;

/** A change kept losing the race to other writers of the same content: 409, try again. */
export class ContentWriteConflictError extends DomainError {
  constructor(contentId: string) {
    super('CONTENT_BUSY', 'conflict', 'The content kept changing while it was being written; try again', {
      contentId,
    });
  }
}

@Injectable()
export class TypeOrmContentRepository extends ContentRepository {
  private readonly statements: ContentRowStatements;
  /** The row version each content returned here was read at (or written as): what `update` checks against. */
  private readonly rowVersions = new WeakMap<Content, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.statements = ContentRowStatements.of(dataSource);
  }

  async add(content: Content): Promise<void> {
    const state = content.snapshot();
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ContentEntity, {
          id: state.id,
          organizationId: state.organizationId,
          rowVersion: 1,
          ...ContentMapper.toPersistence(state),
        });
        await this.insertVersions(manager, content);
      });
    } catch (error) {
      // The project or prompt was deleted between the use case's check and this insert.
      if (isForeignKeyViolation(error, 'fk_contents_project')) throw new NotFoundError('Project');
      if (isForeignKeyViolation(error, 'fk_contents_prompt')) throw new NotFoundError('Prompt');
      throw error;
    }
  }

  async findByIdInOrganization(organizationId: string, contentId: string): Promise<Content | undefined> {
    return this.load({ id: contentId, organizationId });
  }

  async findViewInOrganization(organizationId: string, contentId: string): Promise<ContentView | undefined> {
    const { rows } = await queryPrepared<ContentEntity>(this.dataSource, this.statements.select, [
      contentId,
      organizationId,
    ]);
    return rows[0] && ContentMapper.toView(rows[0]);
  }

  /**
   * Optimistic: the row is read, changed, and written back only if nobody wrote it in between (its
   * row version); otherwise the change runs again on the new state. Two statements (one when the
   * caller hands back a content loaded here) and no transaction to hold open, so no connection waits
   * on another; concurrent changes of one content still apply one after another, each to what the
   * other left.
   */
  async update(
    organizationId: string,
    contentId: string,
    change: ContentChange,
    loaded?: Content,
  ): Promise<Content | undefined> {
    // Only a content read here, of this id and organization, has a known row version to write over.
    let known =
      loaded?.id === contentId && loaded.organizationId === organizationId && this.rowVersions.has(loaded)
        ? loaded
        : undefined;
    for (let attempt = 1; ; attempt++) {
      const content = known ?? (await this.load({ id: contentId, organizationId }));
      known = undefined;
      if (!content) return undefined;
      const rowVersion = this.rowVersions.get(content) as number;
      const before = { status: content.status, currentVersion: content.currentVersion };
      if (change(content) === false) return content;
      const [versions, state] = [content.pullNewVersions(), content.snapshot()];
      const statusChange = statusChangeOf(before, state, versions);
      const { rows } = await queryPrepared<{ written: number }>(this.dataSource, this.statements.update, [
        contentId,
        organizationId,
        rowVersion,
        ContentRowStatements.versionsJson(versions),
        ...this.statements.writtenValues(ContentMapper.toPersistence(state)),
        ContentRowStatements.statusChangesJson(state.projectId, statusChange ? [statusChange] : []),
      ]);
      if (rows[0]?.written === 1) {
        this.rowVersions.set(content, rowVersion + 1);
        return content;
      }
      if (attempt === MAX_WRITE_ATTEMPTS) throw new ContentWriteConflictError(contentId);
    }
  }

  delete(organizationId: string, contentId: string, check: (content: Content) => void): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const loaded = await this.lockedRow(manager, organizationId, contentId);
      if (!loaded) return false;
      check(loaded.content);
      await manager.delete(ContentEntity, { id: contentId, organizationId });
      return true;
    });
  }

  /**
   * Without words to find: one statement, so the total and the page come from one snapshot in one
   * round trip. The total is an index-only scan of the project's indexes (see filterSql's `'project'`
   * scope); the page walks the project's index newest first and loads its rows.
   */
  async listForProject(
    organizationId: string,
    projectId: string,
    filter: ContentFilter,
    page: PageRequest,
  ): Promise<Page<ContentView>> {
    const terms = filter.q ? searchTermsOf(filter.q) : [];
    // Lists and searches are reads without rules: a read replica serves them when there is one.
    if (terms.length)
      return readFromReplica(this.dataSource, (manager) =>
        this.search(manager, organizationId, projectId, filter, terms, page),
      );
    const values: unknown[] = [];
    const pageWhere = positionally(filterSql(organizationId, projectId, filter), values);
    const countWhere = positionally(filterSql(organizationId, projectId, filter, 'project'), values);
    values.push(offsetOf(page), page.limit);
    const rows = (await readFromReplica(this.dataSource, (manager) =>
      manager.query(
        `SELECT n.total, listed.*
           FROM (SELECT count(*)::int AS total FROM contents c WHERE ${countWhere}) n
           LEFT JOIN LATERAL (
             SELECT ${this.statements.selectList} FROM contents c WHERE ${pageWhere}
              ORDER BY c.created_at DESC, c.id DESC OFFSET $${values.length - 1} LIMIT $${values.length}
           ) listed ON true`,
        values,
      ),
    )) as (ContentEntity & { total: number })[];
    return {
      // No row of the page: one row all the same, with the total and nothing else.
      items: rows.flatMap((row) => (row.id === null ? [] : [ContentMapper.toView(row)])),
      total: rows[0]?.total ?? 0,
      page: page.page,
      limit: page.limit,
    };
  }

  /**
   * `(created_at, id) < (key)` under the list's ORDER BY: a range of idx_contents_project_created.
   * The key carries created_at as text, as PostgreSQL stores it: a Date would drop the microseconds
   * a row written with the column's default now() has, and the page after it would skip or repeat rows.
   */
  async listForProjectAfter(
    organizationId: string,
    projectId: string,
    after: ContentListKey | undefined,
    limit: number,
  ): Promise<ContentKeysetPage> {
    const take = Math.floor(limit);
    // TypeORM leaves LIMIT 0 out: it would read the whole project.
    if (!(take > 0)) return { items: [], last: undefined };
    // An export is a read without rules: a read replica serves it when there is one.
    const { entities, raw } = await readFromReplica(this.dataSource, (manager) => {
      const query = manager
        .getRepository(ContentEntity)
        .createQueryBuilder('c')
        .addSelect('CAST(c.created_at AS text)', 'key_created_at')
        .where('c.organization_id = :organizationId AND c.project_id = :projectId', { organizationId, projectId });
      if (after)
        query.andWhere('(c.created_at, c.id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))', {
          afterCreatedAt: after.createdAt,
          afterId: after.id,
        });
      return query
        .orderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(take)
        .getRawAndEntities<{ c_id: string; key_created_at: string }>();
    });
    const last = raw.at(-1);
    return {
      items: entities.map((row) => ContentMapper.toView(row)),
      last: last && { createdAt: last.key_created_at, id: last.c_id },
    };
  }

  /**
   * One statement, so the total and the page come from one snapshot. A page near the top is first
   * looked for among the newest rows of the list (a bounded walk of its index, SEARCH_PROBE_FACTOR
   * times the rows up to the page's end): when a word is common, the walk holds every match up to the
   * page's end, so the page is those, and the total is a plain count over the GIN index (a bitmap
   * scan, nothing materialised or sorted). Otherwise (a rarer word, a deeper page) the matches come
   * from the GIN index first (a materialised CTE: left to itself the planner may walk the project
   * newest-first testing every row for a rare word), then one pass over them gives the total and the
   * page. Counting and listing matches read content_search_entries, a quarter of the pages contents
   * take, unless a filter needs contents. Then only the page's rows are loaded.
   */
  private async search(
    manager: EntityManager,
    organizationId: string,
    projectId: string,
    filter: ContentFilter,
    terms: string[],
    page: PageRequest,
  ): Promise<Page<ContentView>> {
    const values: unknown[] = [];
    const sql = positionally(filterSql(organizationId, projectId, filter), values);
    const offset = offsetOf(page);
    const walkRows = SEARCH_PROBE_FACTOR * (offset + page.limit);
    values.push(
      terms.map((term) => `${term}:*`).join(' & '),
      offset,
      page.limit,
      walkRows <= SEARCH_PROBE_MAX_ROWS ? walkRows : 0,
    );
    const n = values.length;
    const [query, skip, take, walk] = [
      `to_tsquery('simple', contexor_search_text($${n - 3}))`,
      `$${n - 2}::int`,
      `$${n - 1}::int`,
      `$${n}::int`,
    ];
    // Matches are counted (and, for rarer words, listed) in the narrow content_search_entries when
    // every filter is in it (it has no status or author), else in contents themselves.
    const matching =
      filter.statuses?.length || filter.createdBy
        ? { rows: `contents c WHERE ${sql} AND ${SEARCH_VECTOR} @@ ${query}`, id: 'c.id' }
        : { rows: `content_search_entries c WHERE ${sql} AND c.search_vector @@ ${query}`, id: 'c.content_id' };
    const [found] = (await manager.query(
      `WITH newest AS MATERIALIZED (
         SELECT coalesce(array_agg(id ORDER BY created_at DESC, id DESC), '{}') AS ids
           FROM (SELECT id, created_at
                   FROM (SELECT c.id, c.created_at, ${SEARCH_VECTOR} AS search_vector FROM contents c WHERE ${sql}
                          ORDER BY c.created_at DESC, c.id DESC LIMIT ${walk}) w
                  WHERE search_vector @@ ${query}
                  ORDER BY created_at DESC, id DESC LIMIT ${skip} + ${take}) p
       ), matches AS MATERIALIZED (
         SELECT ${matching.id} AS id, c.created_at FROM ${matching.rows}
       )
       SELECT CASE WHEN walked THEN (SELECT count(*) FROM ${matching.rows})
                   ELSE (SELECT count(*) FROM matches) END::int AS total,
              CASE WHEN walked THEN ids[${skip} + 1 : ${skip} + ${take}]
                   ELSE coalesce((SELECT array_agg(id ORDER BY created_at DESC, id DESC) FROM (SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC OFFSET ${skip} LIMIT ${take}) p), '{}')
              END AS ids
         FROM (SELECT ids, cardinality(ids) = ${skip} + ${take} AS walked FROM newest) n`,
      values,
    )) as { total: number; ids: string[] }[];
    const ids = found?.ids ?? [];
    const rows = ids.length ? await manager.getRepository(ContentEntity).findBy({ organizationId, id: In(ids) }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toContentView(ContentMapper.toDomain(row))] : [];
    });
    return { items, total: found?.total ?? 0, page: page.page, limit: page.limit };
  }

  /** `content_id = $1 AND number BETWEEN $lo AND $hi ORDER BY number LIMIT $n`: a range of the primary key. */
  async listVersionPage(
    organizationId: string,
    contentId: string,
    page: VersionPageRequest,
  ): Promise<ContentVersion[]> {
    // Inclusive bounds within the column's range: a cursor past it is an empty page, not an error.
    const lowest = Math.max(1, (page.after ?? 0) + 1);
    const highest = Math.min(MAX_VERSION_NUMBER, (page.before ?? MAX_VERSION_NUMBER + 1) - 1);
    const limit = Math.max(0, Math.floor(page.limit));
    if (lowest > highest || !limit) return [];
    const rows = await this.dataSource.getRepository(ContentVersionEntity).find({
      where: { contentId, organizationId, number: Between(lowest, highest) },
      order: { number: page.order === 'desc' ? 'DESC' : 'ASC' },
      take: limit,
    });
    return rows.map((row) => ContentMapper.versionToDomain(row));
  }

  countVersions(organizationId: string, contentId: string): Promise<number> {
    return this.dataSource.getRepository(ContentVersionEntity).countBy({ contentId, organizationId });
  }

  async findVersion(organizationId: string, contentId: string, number: number): Promise<ContentVersion | undefined> {
    const row = await this.dataSource
      .getRepository(ContentVersionEntity)
      .findOneBy({ contentId, organizationId, number });
    return row ? ContentMapper.versionToDomain(row) : undefined;
  }

  async findOrganizationIdOf(contentId: string): Promise<string | undefined> {
    const { rows } = await queryPrepared<{ organization_id: string }>(this.dataSource, this.statements.owner, [
      contentId,
    ]);
    return rows[0]?.organization_id;
  }

  findForGeneration(contentId: string): Promise<Content | undefined> {
    return this.load({ id: contentId });
  }

  async findRunningJobIds(jobIds: string[]): Promise<Set<string>> {
    if (!jobIds.length) return new Set();
    const rows = await this.dataSource.getRepository(ContentEntity).find({
      where: { status: 'IN_PROGRESS', generationJobId: In(jobIds) },
      select: { generationJobId: true },
    });
    return new Set(rows.flatMap((row) => (row.generationJobId ? [row.generationJobId] : [])));
  }

  async findRunningGenerations(startedBefore: Date, limit: number): Promise<RunningGeneration[]> {
    const rows = await this.dataSource.getRepository(ContentEntity).find({
      where: { status: 'IN_PROGRESS', generationStartedAt: LessThan(startedBefore) },
      select: { id: true, organizationId: true, generationJobId: true, generationStartedAt: true, createdBy: true },
      order: { generationStartedAt: 'ASC' },
      take: limit,
    });
    return rows.flatMap((row) =>
      row.generationJobId && row.generationStartedAt
        ? [
            {
              contentId: row.id,
              organizationId: row.organizationId,
              jobId: row.generationJobId,
              startedAt: row.generationStartedAt,
              createdBy: row.createdBy,
            },
          ]
        : [],
    );
  }

  private async lockedRow(
    manager: EntityManager,
    organizationId: string,
    contentId: string,
  ): Promise<{ content: Content; rowVersion: number } | undefined> {
    const [row] = (await manager.query(`${this.statements.select.text} FOR UPDATE OF c`, [
      contentId,
      organizationId,
    ])) as ContentEntity[];
    return row && { content: ContentMapper.toDomain(row), rowVersion: row.rowVersion };
  }

  private async load(where: { id: string; organizationId?: string }): Promise<Content | undefined> {
    const { rows } = await queryPrepared<ContentEntity>(this.dataSource, this.statements.select, [
      where.id,
      where.organizationId ?? null,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const content = ContentMapper.toDomain(row);
    this.rowVersions.set(content, row.rowVersion);
    return content;
  }

  private async insertVersions(manager: EntityManager, content: Content): Promise<void> {
    const versions = content.pullNewVersions();
    if (!versions.length) return;
    await manager.insert(
      ContentVersionEntity,
      versions.map((version) => ContentMapper.versionToPersistence(content.organizationId, content.id, version)),
    );
  }
}

/**
 * The list's filters as a WHERE clause over `contents c` with named parameters (`:...name` for lists).
 * Scoped to the organization by each row's organization_id, or, with `'project'`, by the project's
 * (one row, checked once): the clause then reads nothing but the project's indexes, so a count is an
 * index-only scan. The two agree: a project's contents are always of its organization.
 */
function filterSql(
  organizationId: string,
  projectId: string,
  filter: ContentFilter,
  scope: 'each row' | 'project' = 'each row',
): { where: string; parameters: Record<string, unknown> } {
  const conditions = [
    scope === 'project'
      ? '(SELECT p.organization_id FROM projects p WHERE p.id = :projectId) = :organizationId'
      : 'c.organization_id = :organizationId',
    'c.project_id = :projectId',
  ];
  const parameters: Record<string, unknown> = { organizationId, projectId };
  if (filter.statuses?.length) {
    conditions.push('c.status IN (:...statuses)');
    parameters.statuses = filter.statuses;
  }
  if (filter.createdBy) {
    conditions.push('c.created_by = :createdBy');
    parameters.createdBy = filter.createdBy;
  }
  if (filter.from) {
    conditions.push('c.created_at >= :from');
    parameters.from = filter.from;
  }
  if (filter.to) {
    conditions.push('c.created_at < :to');
    parameters.to = filter.to;
  }
  return { where: conditions.join(' AND '), parameters };
}

/**
 * `filterSql`'s clause with positional parameters, numbered after the `values` already taken (which it
 * appends to): `:name` becomes `$n`, `IN (:...list)` becomes `= ANY($n)`.
 */
function positionally({ where, parameters }: ReturnType<typeof filterSql>, values: unknown[]): string {
  return where.replace(/IN \(:\.\.\.(\w+)\)|:(\w+)/g, (_, list: string | undefined, name: string | undefined) => {
    values.push(parameters[(list ?? name) as string]);
    return list ? `= ANY($${values.length})` : `$${values.length}`;
  });
}
