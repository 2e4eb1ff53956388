import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readFromReplica } from '#libs/database';
import { Money } from '#libs/ddd';
import { ContentCosts } from '../../application/ports/content-costs';

/** One statement over idx_usage_records_org_content: a range of the index per content id. */
@Injectable()
export class TypeOrmContentCosts extends ContentCosts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async costOf(organizationId: string, contentIds: readonly string[]): Promise<Map<string, Money>> {
    if (!contentIds.length) return new Map();
    // A report is a read without rules: a read replica serves it when there is one.
    const rows = (await readFromReplica(this.dataSource, (manager) =>
      manager.query(
        `SELECT content_id, sum(cost_micros)::text AS cost_micros FROM usage_records
          WHERE organization_id = $1 AND content_id = ANY($2::uuid[])
          GROUP BY content_id`,
        [organizationId, [...new Set(contentIds)]],
      ),
    )) as { content_id: string; cost_micros: string }[];
    return new Map(rows.map((row) => [row.content_id, Money.fromMicros(row.cost_micros)]));
  }
}
