import type { DataSource, EntityMetadata } from 'typeorm';
import type { OwnerQuery } from '../../../accounts';
import { PreparedStatement } from '#libs/database';
import type { ContentVersion } from '../../domain/content-version';
import type { StatusChange } from '../../domain/status-change';
import type { ContentMapper } from './content.mapper';

type Written = ReturnType<typeof ContentMapper.toPersistence>;

/** The organization of a content, for the access guard (see ResourceOwners). */
export const CONTENT_OWNER: OwnerQuery = 'SELECT organization_id FROM contents WHERE id = $1';

/**
 * The hot statements of the contents row as plain SQL, built once from the entity's own metadata
 * (so they follow the entity), for the paths every read and generation takes: loading the row (the
 * model of its newest version is a column of it, body_model, written with the versions), and
 * writing it back with its new versions in one statement. The query builder spent more time
 * building and hydrating these than PostgreSQL spent answering them; as prepared statements,
 * PostgreSQL no longer plans them on every call either.
 */
export class ContentRowStatements {
  /** Every selected column of `contents c`, named as the entity's properties (`c.body_model AS "bodyModel"`, …). */
  readonly selectList: string;
  /** `$1` id, `$2` organization id or null (any); append `FOR UPDATE` to its text to lock. */
  readonly select: PreparedStatement;
  /**
   * `$1` id, `$2` organization id, `$3` the row version that was read, `$4` the new versions as a JSON
   * array, then the written columns, then its status changes as a JSON array (`statusChangesJson`).
   * Writes the row only if nobody wrote it since it was read, and its new versions and status changes
   * with it, in one statement; answers `written` 1, or 0 on such a conflict.
   */
  readonly update: PreparedStatement;
  /** `$1` id: the organization that owns the content. */
  readonly owner = new PreparedStatement(CONTENT_OWNER);
  private readonly written: { property: keyof Written; json: boolean }[];

  constructor(metadata: EntityMetadata) {
    const columns = metadata.columns.filter((column) => column.isSelect);
    this.selectList = columns.map((column) => `c.${column.databaseName} AS "${column.propertyName}"`).join(', ');
    this.select = new PreparedStatement(
      `SELECT ${this.selectList} FROM contents c WHERE c.id = $1 AND ($2::uuid IS NULL OR c.organization_id = $2)`,
    );
    const fixed = new Set(['id', 'organizationId', 'rowVersion']);
    const updatable = metadata.columns.filter((column) => column.isUpdate && !fixed.has(column.propertyName));
    this.written = updatable.map((column) => ({
      property: column.propertyName as keyof Written,
      json: column.type === 'jsonb',
    }));
    const assignments = updatable.map(
      (column, i) => `${column.databaseName} = $${i + 5}${column.type === 'jsonb' ? '::jsonb' : ''}`,
    );
    this.update = new PreparedStatement(`WITH written AS (
         UPDATE contents SET ${assignments.join(', ')}, row_version = row_version + 1
          WHERE id = $1 AND organization_id = $2 AND row_version = $3
          RETURNING id, organization_id
       ), versions AS (
         INSERT INTO content_versions (content_id, organization_id, number, source, body, model, usage,
                                       generation_job_id, created_by, created_at, restored_from,
                                       approved_version, body_sha256)
         SELECT w.id, w.organization_id, v.number, v.source, v.body, v.model, v.usage, v.generation_job_id,
                v.created_by, v.created_at, v.restored_from, v.approved_version, v.body_sha256
           FROM written w,
                jsonb_to_recordset($4::jsonb) AS v(number integer, source varchar, body text, model varchar,
                  usage jsonb, generation_job_id varchar, created_by uuid, created_at timestamptz,
                  restored_from integer, approved_version integer, body_sha256 varchar)
         RETURNING 1
       ), status_changes AS (
         INSERT INTO content_status_changes (content_id, organization_id, project_id, from_status, to_status, cause,
                                             version, model, actor_id, rejection_category, occurred_at)
         SELECT w.id, w.organization_id, s.project_id, s.from_status, s.to_status, s.cause, s.version, s.model,
                s.actor_id, s.rejection_category, s.occurred_at
           FROM written w,
                jsonb_to_recordset($${updatable.length + 5}::jsonb) AS s(project_id uuid, from_status varchar,
                  to_status varchar, cause varchar, version integer, model varchar, actor_id uuid,
                  rejection_category varchar, occurred_at timestamptz)
         RETURNING 1
       )
       SELECT count(*)::int AS written FROM written`);
  }

  static of(dataSource: DataSource): ContentRowStatements {
    return new ContentRowStatements(dataSource.getMetadata('ContentEntity'));
  }

  /** `update`'s `$4`: the versions a change appended, as the JSON the statement unpacks. */
  static versionsJson(versions: ContentVersion[]): string {
    return JSON.stringify(
      versions.map((version) => ({
        number: version.number,
        source: version.source,
        body: version.body,
        model: version.model,
        usage: version.usage,
        generation_job_id: version.generationJobId,
        created_by: version.createdBy,
        created_at: version.createdAt.toISOString(),
        restored_from: version.restoredFrom ?? null,
        approved_version: version.approvedVersion ?? null,
        body_sha256: version.bodySha256 ?? null,
      })),
    );
  }

  /** `update`'s last parameter: the status changes a change made (none or one), as the JSON the statement unpacks. */
  static statusChangesJson(projectId: string, changes: StatusChange[]): string {
    return JSON.stringify(
      changes.map((change) => ({
        project_id: projectId,
        from_status: change.from,
        to_status: change.to,
        cause: change.cause,
        version: change.version,
        model: change.model,
        actor_id: change.actorId,
        rejection_category: change.rejectionCategory,
        occurred_at: change.occurredAt.toISOString(),
      })),
    );
  }

  /** The values of `update`'s written columns, in order; JSON columns go as JSON text. */
  writtenValues(row: Written): unknown[] {
    return this.written.map(({ property, json }) => {
      const value = row[property];
      return json && value !== null ? JSON.stringify(value) : value;
    });
  }
}
