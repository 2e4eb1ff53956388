import type { DataSource, EntityMetadata } from 'typeorm';
import type { ContentEntity } from './content.entity';
import type { ContentMapper } from './content.mapper';

type Written = ReturnType<typeof ContentMapper.toPersistence>;

/**
 * The hot statements of the contents row as plain SQL, built once from the entity's own metadata
 * (so they follow the entity), for the paths every generation takes: loading the row with the
 * model of its newest version in one statement, and writing it back. The query builder spent more
 * time building and hydrating these than PostgreSQL spent answering them.
 */
export class ContentRowStatements {
  /** `$1` id, `$2` organization id or null (any); append `FOR UPDATE` to lock. */
  readonly select: string;
  /** `$1` id, `$2` organization id, `$3` expected row version, then the written columns in `writtenOrder`. */
  readonly update: string;
  private readonly written: { property: keyof Written; json: boolean }[];

  constructor(metadata: EntityMetadata) {
    const columns = metadata.columns.filter((column) => column.isSelect);
    const selectList = columns.map((column) => `c.${column.databaseName} AS "${column.propertyName}"`).join(', ');
    this.select = `SELECT ${selectList},
        (SELECT v.model FROM content_versions v
          WHERE v.content_id = c.id AND v.organization_id = c.organization_id
          ORDER BY v.number DESC LIMIT 1) AS "bodyModel"
       FROM contents c WHERE c.id = $1 AND ($2::uuid IS NULL OR c.organization_id = $2)`;
    const fixed = new Set(['id', 'organizationId', 'rowVersion']);
    const updatable = metadata.columns.filter((column) => column.isUpdate && !fixed.has(column.propertyName));
    this.written = updatable.map((column) => ({
      property: column.propertyName as keyof Written,
      json: column.type === 'jsonb',
    }));
    const assignments = updatable.map(
      (column, i) => `${column.databaseName} = $${i + 4}${column.type === 'jsonb' ? '::jsonb' : ''}`,
    );
    this.update = `UPDATE contents SET ${assignments.join(', ')}, row_version = row_version + 1
       WHERE id = $1 AND organization_id = $2 AND row_version = $3`;
  }

  static of(dataSource: DataSource): ContentRowStatements {
    return new ContentRowStatements(dataSource.getMetadata('ContentEntity'));
  }

  /** The values of `update`'s written columns, in order; JSON columns go as JSON text. */
  writtenValues(row: Written): unknown[] {
    return this.written.map(({ property, json }) => {
      const value = row[property];
      return json && value !== null ? JSON.stringify(value) : value;
    });
  }
}

/** A row as `select` returns it: the entity's properties plus the newest version's model. */
export type SelectedContentRow = ContentEntity & { bodyModel: string | null };
