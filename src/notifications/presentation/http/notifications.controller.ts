import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { ApiErrors, ParseUuidOr404Pipe } from '#libs/http';
import { Authenticated, CurrentActor } from '../../../accounts';
import { ListMyNotificationsUseCase } from '../../application/in-app/list-my-notifications.use-case';
import { MarkNotificationReadUseCase } from '../../application/in-app/mark-notification-read.use-case';
import { InboxQueryDto, InboxResponseDto, NotificationResponseDto } from './dto/notification.dto';

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(
    private readonly listMine: ListMyNotificationsUseCase,
    private readonly markRead: MarkNotificationReadUseCase,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Your in-app notifications, newest first, and how many are unread',
    description:
      'ADMINs hear of usage thresholds (80 % and 100 % of each limit: the organization’s tokens and cost, each member’s tokens, each project’s tokens and cost; once per threshold, limit and period; also by SMS), a member of their own per-member limit’s, and ADMINs of reviews past their due date (once per due date); a content’s author hears of its approval, rejection or failed generation.',
  })
  @ApiOkResponse({ type: InboxResponseDto })
  async inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<InboxResponseDto> {
    return InboxResponseDto.from(await this.listMine.execute(actor, { limit: query.limit ?? 50 }));
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark one of your notifications read',
    description: 'Marking it again keeps the first time. Errors: 404 NOT_FOUND (also for another user’s notification).',
  })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiErrors(404)
  async read(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidOr404Pipe) id: string,
  ): Promise<NotificationResponseDto> {
    return NotificationResponseDto.from(await this.markRead.execute(actor, id));
  }
}
