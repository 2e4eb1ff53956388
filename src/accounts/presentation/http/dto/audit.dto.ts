import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '#libs/ddd';
import type { AuditEntryView } from '../../../application/ports/audit-log';

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'member.role_changed' })
  action!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetId!: string | null;

  @ApiProperty({ type: Object })
  metadata!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty()
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

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEntryResponseDto] })
  items!: AuditEntryResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;

  static from(page: Page<AuditEntryView>): AuditPageResponseDto {
    return { ...page, items: page.items.map((item) => AuditEntryResponseDto.from(item)) };
  }
}
