import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageRequest, type Actor, type Caller } from '#libs/ddd';
import { ApiErrors, PageQueryDto } from '#libs/http';
import { DeleteWebhookUseCase } from '../../application/webhooks/delete-webhook.use-case';
import { ListWebhookDeliveriesUseCase } from '../../application/webhooks/list-webhook-deliveries.use-case';
import { ListWebhooksUseCase } from '../../application/webhooks/list-webhooks.use-case';
import { RegisterWebhookUseCase } from '../../application/webhooks/register-webhook.use-case';
import { CurrentActor, CurrentCaller, RequireRole, RequireStepUp } from '../../../accounts';
import {
  RegisteredWebhookResponseDto,
  RegisterWebhookDto,
  WebhookDeliveryPageResponseDto,
  WebhookResponseDto,
} from './dto/webhook.dto';

@ApiTags('Webhooks')
@ApiBearerAuth()
@Controller()
export class WebhooksController {
  constructor(
    private readonly register: RegisterWebhookUseCase,
    private readonly list: ListWebhooksUseCase,
    private readonly remove: DeleteWebhookUseCase,
    private readonly deliveries: ListWebhookDeliveriesUseCase,
  ) {}

  @Post('organizations/:orgId/webhooks')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary: 'Register a URL for events (ADMIN); the signing secret is in this answer only',
    description:
      'Deliveries are POSTed as JSON `{type, timestamp, data}` with the Standard Webhooks headers webhook-id, webhook-timestamp and ' +
      'webhook-signature (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64 part of the secret after `whsec_`), ' +
      'and retried with exponential backoff until a 2xx (8 attempts over about an hour). An endpoint failing for a day is disabled. Audited. ' +
      'Each event is committed together with the change that caused it (a transactional outbox) and queued for delivery ' +
      'right after, at the latest within WEBHOOK_OUTBOX_POLL_MS (1 s); a failed change sends no event. ' +
      'Errors: 400 VALIDATION_FAILED, 400 WEBHOOK_URL_INVALID (not http(s), credentials, unresolvable host), 400 WEBHOOK_TARGET_FORBIDDEN ' +
      '(loopback, private or link-local address), 403 FORBIDDEN, 404.',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookResponseDto })
  @ApiErrors({ 400: ['WEBHOOK_URL_INVALID', 'WEBHOOK_TARGET_FORBIDDEN'] })
  async create(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: RegisterWebhookDto,
  ): Promise<RegisteredWebhookResponseDto> {
    return RegisteredWebhookResponseDto.fromRegistered(
      await this.register.execute(actor, orgId, {
        url: body.url,
        events: body.events,
      }),
    );
  }

  @Get('organizations/:orgId/webhooks')
  @RequireRole('ADMIN')
  @ApiOperation({
    summary: "The organization's webhooks, newest first (without secrets)",
  })
  @ApiOkResponse({ type: [WebhookResponseDto] })
  async index(@Param('orgId') orgId: string): Promise<WebhookResponseDto[]> {
    return (await this.list.execute(orgId)).map((endpoint) => WebhookResponseDto.from(endpoint));
  }

  @Delete('webhooks/:id')
  @RequireRole('ADMIN', 'webhook', 'id')
  @RequireStepUp()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a webhook; queued deliveries to it are dropped. Audited.',
  })
  @ApiNoContentResponse()
  async delete(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.remove.execute(caller, caller.organizationId, id);
  }

  @Get('webhooks/:id/deliveries')
  @RequireRole('ADMIN', 'webhook', 'id')
  @ApiOperation({
    summary: 'Delivery attempts of a webhook, newest first: event, attempt, HTTP status, duration, error',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageResponseDto })
  async attempts(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPageResponseDto> {
    const page = await this.deliveries.execute(caller.organizationId, id, pageRequest(query.page, query.limit));
    return WebhookDeliveryPageResponseDto.from(page);
  }
}
