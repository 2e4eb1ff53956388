import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import type { Page } from '#libs/ddd';
import { pageOf, PageResponseDto } from '#libs/http';
import type { WebhookDeliveryAttempt } from '../../../application/webhooks/webhook-ports';
import type { WebhookEndpoint } from '../../../domain/webhooks/webhook-endpoint';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../../../domain/webhooks/webhook-events';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/contexor',
    description: 'http or https; must resolve to a public address',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['content.approved', 'usage.threshold_reached'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEventType[];
}

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events!: WebhookEventType[];

  @ApiProperty({ description: 'False once disabled for failing too long' })
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Since when every delivery has failed' })
  failingSince!: string | null;

  disabledAt!: string | null;

  createdAt!: string;

  static from(endpoint: WebhookEndpoint): WebhookResponseDto {
    return {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events,
      enabled: endpoint.disabledAt === null,
      failingSince: endpoint.failingSince?.toISOString() ?? null,
      disabledAt: endpoint.disabledAt?.toISOString() ?? null,
      createdAt: endpoint.createdAt.toISOString(),
    };
  }
}

export class RegisteredWebhookResponseDto extends WebhookResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The Standard Webhooks signing secret. Shown only in this answer: store it now.',
  })
  secret!: string;

  static fromRegistered(endpoint: WebhookEndpoint): RegisteredWebhookResponseDto {
    return { ...WebhookResponseDto.from(endpoint), secret: endpoint.secret };
  }
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'msg_2b6f0cc904d137be2e1730235f5664094b831186',
    description: 'The webhook-id header: the same for every attempt of one event',
  })
  eventId!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS })
  eventType!: WebhookEventType;

  @ApiProperty({ description: '1 for the first try' })
  attempt!: number;

  @ApiProperty({ enum: ['succeeded', 'failed'] })
  status!: 'succeeded' | 'failed';

  @ApiProperty({ type: Number, nullable: true, description: 'The HTTP status answered; null when none came' })
  statusCode!: number | null;

  durationMs!: number;

  @ApiProperty({ type: String, nullable: true, example: 'timeout' })
  error!: string | null;

  createdAt!: string;

  static from(attempt: WebhookDeliveryAttempt): WebhookDeliveryResponseDto {
    return {
      id: attempt.id,
      eventId: attempt.eventId,
      eventType: attempt.eventType,
      attempt: attempt.attempt,
      status: attempt.success ? 'succeeded' : 'failed',
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      error: attempt.error,
      createdAt: attempt.createdAt.toISOString(),
    };
  }
}

export class WebhookDeliveryPageResponseDto extends PageResponseDto(WebhookDeliveryResponseDto) {
  static from(page: Page<WebhookDeliveryAttempt>): WebhookDeliveryPageResponseDto {
    return pageOf(page, (attempt) => WebhookDeliveryResponseDto.from(attempt));
  }
}
