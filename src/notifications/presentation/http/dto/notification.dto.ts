import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { NotificationInbox, NotificationView } from '../../../application/in-app/notification-ports';

export const MAX_INBOX_LIMIT = 100;

export class InboxQueryDto {
  @ApiProperty({
    required: false,
    default: 50,
    minimum: 1,
    maximum: MAX_INBOX_LIMIT,
    description: 'How many of the newest',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INBOX_LIMIT)
  limit?: number;
}

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'usage.threshold_reached',
    description:
      'The event: usage.threshold_reached (to ADMINs, and to the member whose own limit it is) and content.review_overdue (to ADMINs), content.approved, content.rejected, content.generation_failed (to the content’s author)',
  })
  type!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event’s data, as its webhook carries it. usage.threshold_reached: {organizationId, limit (organization | user | project), metric (tokens | cost), setting (the limits field), userId, projectId, threshold (80 | 100), limitValue, used (tokens, or decimal USD for cost), period {start, end}, scope, crossedAt}',
  })
  data!: Record<string, unknown>;

  createdAt!: string;

  readAt!: string | null;

  static from(view: NotificationView): NotificationResponseDto {
    return {
      id: view.id,
      type: view.type,
      organizationId: view.organizationId,
      data: view.data,
      createdAt: view.createdAt.toISOString(),
      readAt: view.readAt?.toISOString() ?? null,
    };
  }
}

export class InboxResponseDto {
  @ApiProperty({ type: [NotificationResponseDto], description: 'Newest first' })
  items!: NotificationResponseDto[];

  @ApiProperty({ description: 'How many of all your notifications are unread' })
  unread!: number;

  static from(inbox: NotificationInbox): InboxResponseDto {
    return { items: inbox.items.map((item) => NotificationResponseDto.from(item)), unread: inbox.unread };
  }
}
