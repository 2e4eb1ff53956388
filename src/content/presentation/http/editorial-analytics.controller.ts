import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { CurrentActor, RequireRole } from '../../../accounts';
import { parseWindowBound } from '../../../usage';
import { GetEditorialAnalyticsUseCase } from '../../application/use-cases/analytics/get-editorial-analytics.use-case';
import { EditorialAnalyticsQueryDto, EditorialAnalyticsResponseDto } from './dto/editorial-analytics.dto';

@ApiTags('Editorial analytics')
@ApiBearerAuth()
@Controller()
export class EditorialAnalyticsController {
  constructor(private readonly getAnalytics: GetEditorialAnalyticsUseCase) {}

  @Get('organizations/:orgId/analytics/editorial')
  @RequireRole('ADMIN')
  @ApiOperation({
    summary:
      'How editorial work went in a window: creation, generation, decisions, review times, revisions and cost per approval',
    description:
      'Every figure counts events whose time falls in `[from, to)`: contents created, generations completed, approvals and rejections ' +
      'decided (each from the content’s status history). Time to approval runs from the content’s creation; time in review from the ' +
      'content’s entry into REVIEW to each decision. Cost per approved content is the usage cost (from usage records) of all the approved ' +
      'contents’ calls divided by their number. Without `from`/`to` the window is the current usage period (the organization’s calendar), ' +
      'with the same rules as the usage report. ' +
      'Errors: 400 VALIDATION_FAILED (bad date or groupBy, a window that is empty or longer than 400 days), 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiOkResponse({ type: EditorialAnalyticsResponseDto })
  async editorial(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Query() query: EditorialAnalyticsQueryDto,
  ): Promise<EditorialAnalyticsResponseDto> {
    const view = await this.getAnalytics.execute(actor, orgId, {
      from: query.from === undefined ? undefined : parseWindowBound(query.from),
      to: query.to === undefined ? undefined : parseWindowBound(query.to),
      groupBy: query.groupBy,
    });
    return EditorialAnalyticsResponseDto.from(view);
  }
}
