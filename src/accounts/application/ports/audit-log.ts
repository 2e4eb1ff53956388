import type { Page, PageRequest } from '#libs/ddd';
import type { AuditAction } from '../../domain/audit-action';

export interface AuditEntryInput {
  action: AuditAction;
  actorId: string | null;
  organizationId: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
  requestId?: string;
  ip?: string;
}

export interface AuditEntryView extends Required<
  Omit<AuditEntryInput, 'targetType' | 'targetId' | 'requestId' | 'ip' | 'metadata'>
> {
  id: string;
  targetType: string | null;
  targetId: string | null;
  metadata: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
}

/** Append-only record of security-relevant actions. */
export abstract class AuditLog {
  abstract record(entry: AuditEntryInput): Promise<void>;
  abstract listForOrganization(organizationId: string, page: PageRequest): Promise<Page<AuditEntryView>>;
}
