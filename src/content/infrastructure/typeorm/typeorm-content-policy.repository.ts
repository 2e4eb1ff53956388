import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction, PreparedStatement, queryPrepared } from '#libs/database';
import { Money } from '#libs/ddd';
import { ContentPolicyRepository } from '../../application/ports/content-policy.repository';
import { defaultContentPolicy, type ContentPolicy } from '../../domain/content-policy';
import { ContentPolicyEntity } from './content-policy.entity';

/** Read by every generation request and every export. */
const POLICY_OF = new PreparedStatement(
  `SELECT organization_id AS "organizationId", block_prompts_with_pii AS "blockPromptsWithPii",
          redact_pii_in_exports AS "redactPiiInExports", allow_self_approval AS "allowSelfApproval",
          max_cost_per_generation_micros AS "maxCostPerGenerationMicros", allowed_models AS "allowedModels", updated_at AS "updatedAt", updated_by AS "updatedBy"
     FROM content_policies WHERE organization_id = $1`,
);

@Injectable()
export class TypeOrmContentPolicyRepository extends ContentPolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async find(organizationId: string): Promise<ContentPolicy> {
    const { rows } = await queryPrepared<ContentPolicyEntity>(this.dataSource, POLICY_OF, [organizationId]);
    const row = rows[0];
    return row ? toDomain(row) : defaultContentPolicy(organizationId);
  }

  /** Reads the previous policy under a row lock and writes the new one in the same transaction. */
  save(policy: ContentPolicy): Promise<ContentPolicy> {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(ContentPolicyEntity);
      const previous = await repository.findOne({
        where: { organizationId: policy.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      await repository.upsert(
        {
          organizationId: policy.organizationId,
          blockPromptsWithPii: policy.blockPromptsWithPii,
          redactPiiInExports: policy.redactPiiInExports,
          allowSelfApproval: policy.allowSelfApproval,
          maxCostPerGenerationMicros: policy.maxCostPerGenerationUsd?.micros.toString() ?? null,
          allowedModels: policy.allowedModels,
          updatedAt: policy.updatedAt ?? new Date(),
          updatedBy: policy.updatedBy ?? undefined,
        },
        ['organizationId'],
      );
      return previous ? toDomain(previous) : defaultContentPolicy(policy.organizationId);
    });
  }
}

function toDomain(row: ContentPolicyEntity): ContentPolicy {
  return {
    organizationId: row.organizationId,
    blockPromptsWithPii: row.blockPromptsWithPii,
    redactPiiInExports: row.redactPiiInExports,
    allowSelfApproval: row.allowSelfApproval,
    maxCostPerGenerationUsd:
      row.maxCostPerGenerationMicros === null ? null : Money.fromMicros(row.maxCostPerGenerationMicros),
    allowedModels: row.allowedModels,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
