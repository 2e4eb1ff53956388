import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * content_status_changes: every status change of a content (append-only, written in the statement
 * that writes the content), which editorial analytics reads; indexes for its window scans (by
 * organization and time), the review round of a decision (by content and time), contents created in
 * a window, and the usage of given contents.
 *
 * The backfill restores what the existing rows tell: each "ai" version is a completed generation
 * (IN_PROGRESS → REVIEW at its time); each "approval" version an approval (REVIEW → APPROVED) of the
 * version before it; and a content's last decision, when it was a rejection (contents.last_review),
 * that rejection. Earlier rejections, generation starts and failures left no trace and are absent.
 */
export class ContentStatusChanges1795600002200 implements MigrationInterface {
  name = 'ContentStatusChanges1795600002200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "content_status_changes" (
      "id" BIGSERIAL NOT NULL,
      "content_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "from_status" character varying(16) NOT NULL,
      "to_status" character varying(16) NOT NULL,
      "cause" character varying(32) NOT NULL,
      "version" integer NOT NULL,
      "model" character varying(100),
      "actor_id" uuid,
      "rejection_category" character varying(16),
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "pk_content_status_changes" PRIMARY KEY ("id")
    )`);
    await queryRunner.query(
      `CREATE INDEX "idx_content_status_changes_org_occurred" ON "content_status_changes" ("organization_id", "occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_content_status_changes_content_occurred" ON "content_status_changes" ("content_id", "occurred_at")`,
    );
    await queryRunner.query(`ALTER TABLE "content_status_changes"
      ADD CONSTRAINT "fk_content_status_changes_content" FOREIGN KEY ("content_id") REFERENCES "contents"("id")
      ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `CREATE INDEX "idx_contents_organization_created" ON "contents" ("organization_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_usage_records_org_content" ON "usage_records" ("organization_id", "content_id")`,
    );

    await queryRunner.query(`INSERT INTO content_status_changes
        (content_id, organization_id, project_id, from_status, to_status, cause, version, model, actor_id,
         rejection_category, occurred_at)
      SELECT content_id, organization_id, project_id, from_status, to_status, cause, version, model, actor_id,
             rejection_category, occurred_at
        FROM (
      SELECT v.content_id, c.organization_id, c.project_id, 'IN_PROGRESS' AS from_status, 'REVIEW' AS to_status,
             'generation_completed' AS cause, v.number AS version, v.model, v.created_by AS actor_id,
             NULL AS rejection_category, v.created_at AS occurred_at
        FROM content_versions v JOIN contents c ON c.id = v.content_id
       WHERE v.source = 'ai'
      UNION ALL
      SELECT v.content_id, c.organization_id, c.project_id, 'REVIEW', 'APPROVED', 'approved',
             v.number - 1, v.model, v.created_by, NULL, v.created_at
        FROM content_versions v JOIN contents c ON c.id = v.content_id
       WHERE v.source = 'approval'
      UNION ALL
      SELECT c.id, c.organization_id, c.project_id, 'REVIEW', 'REJECTED', 'rejected', r.version,
             (SELECT v.model FROM content_versions v WHERE v.content_id = c.id AND v.number = r.version),
             (c.last_review ->> 'by')::uuid, coalesce(c.last_review ->> 'category', 'OTHER'), r.at
        FROM contents c
        CROSS JOIN LATERAL (
          SELECT (c.last_review ->> 'at')::timestamptz AS at) t
        CROSS JOIN LATERAL (
          SELECT t.at,
                 coalesce((c.last_review ->> 'version')::int,
                          (SELECT max(v.number) FROM content_versions v
                            WHERE v.content_id = c.id AND v.created_at <= t.at), 0) AS version) r
       WHERE c.last_review ->> 'decision' = 'REJECTED'
        ) AS history
       -- Ids in the order things happened (a generation before the decision on it at the same instant),
       -- as the rows written from now on are.
       ORDER BY occurred_at, version, cause <> 'generation_completed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_usage_records_org_content"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contents_organization_created"`);
    await queryRunner.query(`DROP TABLE "content_status_changes"`);
  }
}
