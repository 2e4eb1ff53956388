import type { DataSource } from 'typeorm';
import { offsetOf, type PageRequest } from '#libs/ddd';
import type { ContentFilter } from '../../src/content/application/ports/content.repository';
import { searchTermsOf } from '../../src/content/domain/search/search-terms';

/**
 * The contents search as it was before the bounded walk, kept verbatim as a reference (the search
 * integration spec) and a baseline (the content-search benchmark): every match taken from the GIN
 * index, counted, ordered newest first (ties by id) and cut. Gives the total and the page's ids.
 */
export async function previousContentSearch(
  dataSource: DataSource,
  organizationId: string,
  projectId: string,
  filter: ContentFilter,
  page: PageRequest,
): Promise<{ total: number; ids: string[] }> {
  const values: unknown[] = [organizationId, projectId];
  const where = ['c.organization_id = $1', 'c.project_id = $2'];
  if (filter.statuses?.length) where.push(`c.status = ANY($${values.push(filter.statuses)})`);
  if (filter.createdBy) where.push(`c.created_by = $${values.push(filter.createdBy)}`);
  if (filter.from) where.push(`c.created_at >= $${values.push(filter.from)}`);
  if (filter.to) where.push(`c.created_at < $${values.push(filter.to)}`);
  values.push(
    searchTermsOf(filter.q ?? '')
      .map((term) => `${term}:*`)
      .join(' & '),
    offsetOf(page),
    page.limit,
  );
  const n = values.length;
  const [found] = (await dataSource.query(
    `WITH matches AS MATERIALIZED (
       SELECT c.id, c.created_at FROM contents c WHERE ${where.join(' AND ')} AND c.search_vector @@ to_tsquery('simple', contexor_search_text($${n - 2}))
     )
     SELECT (SELECT count(*) FROM matches)::int AS total,
            coalesce((SELECT array_agg(id ORDER BY created_at DESC, id DESC) FROM (SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC OFFSET $${n - 1} LIMIT $${n}) p), '{}') AS ids`,
    values,
  )) as { total: number; ids: string[] }[];
  return { total: found?.total ?? 0, ids: found?.ids ?? [] };
}
