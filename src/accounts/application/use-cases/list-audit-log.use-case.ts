import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '#libs/ddd';
import { AuditLog, type AuditEntryView } from '../ports/audit-log';

@Injectable()
export class ListAuditLogUseCase {
  constructor(private readonly audit: AuditLog) {}

  execute(organizationId: string, page: PageRequest): Promise<Page<AuditEntryView>> {
    return this.audit.listForOrganization(organizationId, page);
  }
}
