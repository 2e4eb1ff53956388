import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf, readFromReplica } from '#libs/database';
import { offsetOf, type Page, type PageRequest } from '#libs/ddd';
import {
  ContentReviews,
  type OverdueReview,
  type WaitingReview,
  type WaitingReviewFilter,
} from '../../application/ports/content-reviews';

interface WaitingRow {
  total: number;
  id: string | null;
  title: string;
  project_id: string;
  workspace_id: string;
  organization_id: string;
  current_version: number;
  waiting_since: Date;
  review_due_at: Date | null;
}

interface OverdueRow {
  id: string;
  organization_id: string;
  project_id: string;
  workspace_id: string;
  title: string;
  current_version: number;
  review_due_at: Date;
  review_since: Date | null;
  created_by: string;
}

/**
 * Claims due rows and marks them announced in one statement: `FOR UPDATE SKIP LOCKED` leaves rows
 * another scan is claiming (or a writer holds) to the next scan, and the mark (the due date announced)
 * commits with the caller's transaction, its outbox event included. Served by the partial index
 * idx_contents_review_overdue, which holds only rows still to announce.
 */
const CLAIM_OVERDUE = `
  WITH due AS (
    SELECT id FROM contents
     WHERE status = 'REVIEW' AND review_due_at IS NOT NULL AND review_due_at < $1
       AND review_overdue_notified_for IS DISTINCT FROM review_due_at
     ORDER BY review_due_at, id
     LIMIT $2
     FOR UPDATE SKIP LOCKED
  )
  UPDATE contents c SET review_overdue_notified_for = c.review_due_at
    FROM due
   WHERE c.id = due.id
  RETURNING c.id, c.organization_id, c.project_id, c.workspace_id, c.title, c.current_version, c.review_due_at,
            c.review_since, c.created_by`;

@Injectable()
export class TypeOrmContentReviews extends ContentReviews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * One statement: the total and the page from one snapshot. Both walk idx_contents_review_inbox
   * (organization, waiting since, id; only rows in REVIEW). A read without rules: a replica serves it
   * when there is one (the organizations were read from the primary).
   */
  async listWaiting(filter: WaitingReviewFilter, page: PageRequest): Promise<Page<WaitingReview>> {
    if (!filter.organizationIds.length) return { items: [], total: 0, page: page.page, limit: page.limit };
    const values: unknown[] = [filter.organizationIds];
    let overdue = '';
    if (filter.overdue !== undefined) {
      values.push(filter.now);
      overdue = filter.overdue ? 'AND c.review_due_at < $2' : 'AND (c.review_due_at IS NULL OR c.review_due_at >= $2)';
    }
    values.push(offsetOf(page), page.limit);
    const where = `c.status = 'REVIEW' AND c.organization_id = ANY($1::uuid[]) ${overdue}`;
    const rows = (await readFromReplica(this.dataSource, (manager) =>
      manager.query(
        `SELECT n.total, listed.*
           FROM (SELECT count(*)::int AS total FROM contents c WHERE ${where}) n
           LEFT JOIN LATERAL (
             SELECT c.id, c.title, c.project_id, c.workspace_id, c.organization_id, c.current_version,
                    coalesce(c.review_since, c.updated_at) AS waiting_since, c.review_due_at
               FROM contents c WHERE ${where}
              ORDER BY c.review_since, c.id OFFSET $${values.length - 1} LIMIT $${values.length}
           ) listed ON true`,
        values,
      ),
    )) as WaitingRow[];
    return {
      items: rows.flatMap((row) =>
        row.id === null
          ? []
          : [
              {
                contentId: row.id,
                title: row.title,
                projectId: row.project_id,
                workspaceId: row.workspace_id,
                organizationId: row.organization_id,
                version: row.current_version,
                waitingSince: row.waiting_since,
                reviewDueAt: row.review_due_at,
              },
            ],
      ),
      total: rows[0]?.total ?? 0,
      page: page.page,
      limit: page.limit,
    };
  }

  async claimOverdue(now: Date, limit: number): Promise<OverdueReview[]> {
    const [rows] = (await managerOf(this.dataSource).query(CLAIM_OVERDUE, [now, Math.max(1, Math.floor(limit))])) as [
      OverdueRow[],
      number,
    ];
    return rows.map((row) => ({
      contentId: row.id,
      organizationId: row.organization_id,
      projectId: row.project_id,
      workspaceId: row.workspace_id,
      title: row.title,
      version: row.current_version,
      reviewDueAt: row.review_due_at,
      waitingSince: row.review_since,
      createdBy: row.created_by,
    }));
  }
}
