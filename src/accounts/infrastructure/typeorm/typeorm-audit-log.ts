import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf } from '#libs/database';
import { offsetOf, type Page, type PageRequest } from '#libs/ddd';
import { AuditLog, type AuditEntryInput, type AuditEntryView } from '../../application/ports/audit-log';
import type { AuditAction } from '../../domain/audit-action';
import { AuditEntryEntity } from './audit-entry.entity';

const toView = (row: AuditEntryEntity): AuditEntryView => ({
  id: row.id,
  action: row.action as AuditAction,
  actorId: row.actorId,
  organizationId: row.organizationId,
  targetType: row.targetType,
  targetId: row.targetId,
  metadata: row.metadata,
  requestId: row.requestId,
  ip: row.ip,
  createdAt: row.createdAt,
});

@Injectable()
export class TypeOrmAuditLog extends AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** The transaction's around the call (a UnitOfWork run), else the pool's. */
  private get rows() {
    return managerOf(this.dataSource).getRepository(AuditEntryEntity);
  }

  async record(entry: AuditEntryInput): Promise<void> {
    await this.rows.query(
      `INSERT INTO audit_log (action, actor_id, organization_id, target_type, target_id, metadata, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.action,
        entry.actorId,
        entry.organizationId,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.metadata ?? {}),
        entry.requestId ?? null,
        entry.ip ?? null,
      ],
    );
  }

  async listForOrganization(organizationId: string, page: PageRequest): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.rows.findAndCount({
      where: { organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offsetOf(page),
      take: page.limit,
    });
    return { items: rows.map(toView), total, page: page.page, limit: page.limit };
  }
}
