import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readFromReplica } from '#libs/database';
import {
  EditorialAnalytics,
  type EditorialCounts,
  type EditorialGroupBy,
  type EditorialGroupCounts,
} from '../../application/ports/editorial-analytics';

/**
 * The group of each event, fixed SQL per grouping, never built from input. `c` is the content, `d`
 * the status change (absent for `created`, which takes the content's own model: the one asked for).
 */
const KEYS: Record<EditorialGroupBy, { created: string; changed: string }> = {
  project: { created: 'c.project_id::text', changed: 'd.project_id::text' },
  author: { created: 'c.created_by::text', changed: 'c.created_by::text' },
  model: { created: 'c.model', changed: 'd.model' },
};

interface Row {
  is_total: boolean;
  key: string | null;
  created: number;
  generated: number;
  approved: number;
  rejected: number;
  approval_p50: number | null;
  approval_p90: number | null;
  review_p50: number | null;
  review_p90: number | null;
  revisions: number | null;
  categories: string[];
  approved_ids: string[];
}

/**
 * One statement per report. The events of the window: contents created in it
 * (idx_contents_organization_created), and the status changes in it that are a completed generation
 * or a decision (idx_content_status_changes_org_occurred). A decision's review round started at the
 * content's last entry into REVIEW before it that brought a text to review (a failed or abandoned
 * generation returning to REVIEW does not start one; idx_content_status_changes_content_occurred); an
 * approval's revisions are the body versions before the one approved (a range of the versions'
 * primary key). Percentiles are percentile_cont (interpolated between the two nearest values).
 * Totals and groups come from one GROUPING SETS aggregate.
 */
function reportSql(groupBy: EditorialGroupBy | null): string {
  const key = groupBy ? KEYS[groupBy] : { created: 'NULL::text', changed: 'NULL::text' };
  const grouping = groupBy
    ? { total: 'GROUPING(key) = 1', by: 'GROUP BY GROUPING SETS ((key), ())' }
    : { total: 'true', by: '' };
  return `WITH changes AS (
      SELECT d.content_id, d.project_id, d.cause, d.version, d.model, d.rejection_category, d.occurred_at
        FROM content_status_changes d
       WHERE d.organization_id = $1 AND d.occurred_at >= $2 AND d.occurred_at < $3
         AND d.cause IN ('generation_completed', 'approved', 'rejected')
    ), events AS (
      SELECT c.id AS content_id, ${key.created} AS key, 'created' AS kind, NULL::float8 AS to_approval,
             NULL::float8 AS in_review, NULL::text AS category, NULL::int AS revisions
        FROM contents c
       WHERE c.organization_id = $1 AND c.created_at >= $2 AND c.created_at < $3
      UNION ALL
      SELECT d.content_id, ${key.changed},
             CASE d.cause WHEN 'generation_completed' THEN 'generated' ELSE d.cause END,
             CASE WHEN d.cause = 'approved' THEN extract(epoch FROM d.occurred_at - c.created_at)::float8 END,
             extract(epoch FROM d.occurred_at - entry.entered_at)::float8,
             d.rejection_category,
             CASE WHEN d.cause = 'approved' THEN
               (SELECT count(*)::int FROM content_versions v
                 WHERE v.content_id = d.content_id AND v.number < d.version AND v.source <> 'approval') END
        FROM changes d
        JOIN contents c ON c.id = d.content_id AND c.organization_id = $1
        LEFT JOIN LATERAL (
          SELECT max(e.occurred_at) AS entered_at FROM content_status_changes e
           WHERE d.cause IN ('approved', 'rejected') AND e.content_id = d.content_id
             AND e.occurred_at <= d.occurred_at AND e.to_status = 'REVIEW'
             AND e.cause NOT IN ('generation_failed', 'generation_abandoned')
        ) entry ON true
    )
    SELECT ${grouping.total} AS is_total, ${groupBy ? 'key' : 'NULL::text AS key'},
           count(*) FILTER (WHERE kind = 'created')::int AS created,
           count(*) FILTER (WHERE kind = 'generated')::int AS generated,
           count(*) FILTER (WHERE kind = 'approved')::int AS approved,
           count(*) FILTER (WHERE kind = 'rejected')::int AS rejected,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY to_approval) AS approval_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY to_approval) AS approval_p90,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY in_review) AS review_p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY in_review) AS review_p90,
           avg(revisions)::float8 AS revisions,
           coalesce(array_agg(category) FILTER (WHERE kind = 'rejected'), '{}') AS categories,
           coalesce(array_agg(content_id) FILTER (WHERE kind = 'approved'), '{}') AS approved_ids
      FROM events ${grouping.by}
     ORDER BY is_total DESC, approved DESC, created DESC, key NULLS LAST`;
}

const countsOf = (row: Row | undefined): EditorialCounts => {
  const rejectionsByCategory: Record<string, number> = {};
  for (const category of row?.categories ?? []) {
    const name = category ?? 'OTHER';
    rejectionsByCategory[name] = (rejectionsByCategory[name] ?? 0) + 1;
  }
  return {
    created: row?.created ?? 0,
    generated: row?.generated ?? 0,
    approved: row?.approved ?? 0,
    rejected: row?.rejected ?? 0,
    timeToApprovalSec: { p50: row?.approval_p50 ?? null, p90: row?.approval_p90 ?? null },
    timeInReviewSec: { p50: row?.review_p50 ?? null, p90: row?.review_p90 ?? null },
    rejectionsByCategory,
    revisionsPerApproved: row?.revisions ?? null,
    approvedContentIds: row?.approved_ids ?? [],
  };
};

@Injectable()
export class TypeOrmEditorialAnalytics extends EditorialAnalytics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async counts(
    organizationId: string,
    window: { from: Date; to: Date },
    groupBy: EditorialGroupBy | null,
  ): Promise<{ totals: EditorialCounts; groups: EditorialGroupCounts[] }> {
    // A report is a read without rules: a read replica serves it when there is one.
    const rows = (await readFromReplica(this.dataSource, (manager) =>
      manager.query(reportSql(groupBy), [organizationId, window.from, window.to]),
    )) as Row[];
    return {
      totals: countsOf(rows.find((row) => row.is_total)),
      groups: rows.filter((row) => !row.is_total).map((row) => ({ key: row.key, ...countsOf(row) })),
    };
  }
}
