import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '#libs/ddd';
import { pageOf, PageResponseDto } from '#libs/http';
import type { AuditEntryView } from '../../../application/ports/audit-log';

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'member.role_changed' })
  action!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorId!: string | null;

  targetType!: string | null;

  targetId!: string | null;

  metadata!: Record<string, unknown>;

  requestId!: string | null;

  ip!: string | null;

  createdAt!: string;

  static from(view: AuditEntryView): AuditEntryResponseDto {
    return {
      id: view.id,
      action: view.action,
      actorId: view.actorId,
      targetType: view.targetType,
      targetId: view.targetId,
      metadata: view.metadata,
      requestId: view.requestId,
      ip: view.ip,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

export class AuditPageResponseDto extends PageResponseDto(AuditEntryResponseDto) {
  static from(page: Page<AuditEntryView>): AuditPageResponseDto {
    return pageOf(page, (item) => AuditEntryResponseDto.from(item));
  }
}
