import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money, type Actor, type Caller } from '#libs/ddd';
import { Authenticated, CurrentActor, CurrentCaller, RequireRole, RequireStepUp } from '../../../accounts';
import { GetProjectUsageLimitsUseCase } from '../../application/use-cases/get-project-usage-limits.use-case';
import { UpdateProjectUsageLimitsUseCase } from '../../application/use-cases/update-project-usage-limits.use-case';
import { GetMyUsageUseCase } from '../../application/use-cases/get-my-usage.use-case';
import { GetUsageForecastUseCase } from '../../application/use-cases/get-usage-forecast.use-case';
import { GetUsageLimitsUseCase } from '../../application/use-cases/get-usage-limits.use-case';
import { GetUsageReportUseCase } from '../../application/use-cases/get-usage-report.use-case';
import { UpdateUsageLimitsUseCase } from '../../application/use-cases/update-usage-limits.use-case';
import { MyUsageResponseDto } from './dto/my-usage.dto';
import { UsageForecastResponseDto } from './dto/usage-forecast.dto';
import {
  ProjectUsageLimitsResponseDto,
  UpdateProjectUsageLimitsDto,
  UpdateUsageLimitsDto,
  UsageLimitsResponseDto,
} from './dto/usage-limits.dto';
import { parseWindowBound, UsageReportQueryDto, UsageReportResponseDto } from './dto/usage-report.dto';

@ApiTags('Usage')
@ApiBearerAuth()
@Controller()
export class UsageController {
  constructor(
    private readonly getUsageReport: GetUsageReportUseCase,
    private readonly getUsageLimits: GetUsageLimitsUseCase,
    private readonly updateUsageLimits: UpdateUsageLimitsUseCase,
    private readonly getMyUsage: GetMyUsageUseCase,
    private readonly getUsageForecast: GetUsageForecastUseCase,
    private readonly getProjectUsageLimits: GetProjectUsageLimitsUseCase,
    private readonly updateProjectUsageLimits: UpdateProjectUsageLimitsUseCase,
  ) {}

  @Get('organizations/:orgId/usage')
  @RequireRole('ADMIN')
  @ApiOperation({
    summary: "The organization's token use and cost in a window, in total and per day, member, model or project",
    description:
      'Sums of completed OpenAI calls. Without `from`/`to` the window is the current period (calendar month of the organization’s calendar). ' +
      'Errors: 400 VALIDATION_FAILED (bad date, groupBy, or a window that is empty or longer than 400 days), 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiOkResponse({ type: UsageReportResponseDto })
  async report(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Query() query: UsageReportQueryDto,
  ): Promise<UsageReportResponseDto> {
    const view = await this.getUsageReport.execute(actor, orgId, {
      from: query.from === undefined ? undefined : parseWindowBound(query.from),
      to: query.to === undefined ? undefined : parseWindowBound(query.to),
      groupBy: query.groupBy,
    });
    return UsageReportResponseDto.from(view);
  }

  @Get('organizations/:orgId/usage/limits')
  @RequireRole('VIEWER')
  @ApiOperation({
    summary: "The organization's monthly limits and how much of them the current period has used",
    description: 'Any member may read them. Errors: 404 (not a member).',
  })
  @ApiOkResponse({ type: UsageLimitsResponseDto })
  async limits(@CurrentActor() actor: Actor, @Param('orgId') orgId: string): Promise<UsageLimitsResponseDto> {
    return UsageLimitsResponseDto.from(await this.getUsageLimits.execute(actor, orgId));
  }

  @Get('organizations/:orgId/usage/forecast')
  @RequireRole('ADMIN')
  @ApiOperation({
    summary: "The current period's usage projected to its end at the present burn rate, and when a limit runs out",
    description:
      'burnPerDay = ½ × (the last 7 whole local days ÷ 7) + ½ × (the period’s whole days so far ÷ their number), days cut at midnight in the ' +
      'organization calendar’s time zone (UTC, or Asia/Tehran for jalali); today counts in `used` but not in the rate. With fewer than 7 whole days ' +
      'the rate is the period so far; on its first day, the 7 whole days before it ÷ 7. projected = used + burnPerDay × the days left. ' +
      'exhaustsAt: the first instant the token or cost limit would be reached at that rate, if before the period ends; now when already reached. ' +
      'Reservations of generations in progress are not counted. Errors: 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiOkResponse({ type: UsageForecastResponseDto })
  async forecast(@CurrentActor() actor: Actor, @Param('orgId') orgId: string): Promise<UsageForecastResponseDto> {
    return UsageForecastResponseDto.from(await this.getUsageForecast.execute(actor, orgId));
  }

  @Put('organizations/:orgId/usage/limits')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary: 'Set the monthly limits (null = unlimited) and the calendar their months follow',
    description:
      'All three limits must be sent. A generation whose worst case could take the period past a limit is refused with 402 USAGE_LIMIT_EXCEEDED. ' +
      'Changes are audited (`usage.limits_changed`). Errors: 400 VALIDATION_FAILED, 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiOkResponse({ type: UsageLimitsResponseDto })
  async setLimits(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: UpdateUsageLimitsDto,
  ): Promise<UsageLimitsResponseDto> {
    const view = await this.updateUsageLimits.execute(actor, orgId, {
      monthlyTokenLimit: body.monthlyTokenLimit,
      monthlyCostLimit: body.monthlyCostLimitUsd === null ? null : Money.parse(body.monthlyCostLimitUsd),
      perUserMonthlyTokenLimit: body.perUserMonthlyTokenLimit,
      calendar: body.calendar,
    });
    return UsageLimitsResponseDto.from(view);
  }

  @Get('projects/:projectId/usage/limits')
  @RequireRole('VIEWER', 'project', 'projectId')
  @ApiOperation({
    summary: "A project's monthly limits and how much of them the current period has used (VIEWER)",
    description:
      "The project's budget is nested in its organization's: same period (the organization's calendar). `used` counts the project's " +
      'recorded usage in the period, `reserved` what its generations in progress hold. Errors: 404 (not a member, or no such project).',
  })
  @ApiOkResponse({ type: ProjectUsageLimitsResponseDto })
  async projectLimits(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
  ): Promise<ProjectUsageLimitsResponseDto> {
    return ProjectUsageLimitsResponseDto.from(
      await this.getProjectUsageLimits.execute(caller, caller.organizationId, projectId),
    );
  }

  @Put('projects/:projectId/usage/limits')
  @RequireRole('ADMIN', 'project', 'projectId')
  @RequireStepUp()
  @ApiOperation({
    summary: "Set a project's monthly limits (null = none of its own) (ADMIN)",
    description:
      "Both limits must be sent. A generation reserves against the organization's, the member's and the project's limits in one step; " +
      'one that could take the project past a limit is refused with 402 USAGE_LIMIT_EXCEEDED, `details.limit: "project"`. ' +
      'Changes are audited (`usage.project_limits_changed`). Errors: 400 VALIDATION_FAILED, 403 FORBIDDEN (not ADMIN), 404 (not a member, or no such project).',
  })
  @ApiOkResponse({ type: ProjectUsageLimitsResponseDto })
  async setProjectLimits(
    @CurrentCaller() caller: Caller,
    @Param('projectId') projectId: string,
    @Body() body: UpdateProjectUsageLimitsDto,
  ): Promise<ProjectUsageLimitsResponseDto> {
    const view = await this.updateProjectUsageLimits.execute(caller, caller.organizationId, projectId, {
      monthlyTokenLimit: body.monthlyTokenLimit,
      monthlyCostLimit: body.monthlyCostLimitUsd === null ? null : Money.parse(body.monthlyCostLimitUsd),
    });
    return ProjectUsageLimitsResponseDto.from(view);
  }

  @Get('me/usage')
  @Authenticated()
  @ApiOperation({
    summary: 'Your own token use and cost in the current period',
    description:
      'Each organization counts its own current period (its calendar decides: UTC month or Persian month), so `organizations` lists, for every ' +
      'organization you used tokens in this period, your totals there with that period and your per-member limit; `totals` is their sum.',
  })
  @ApiOkResponse({ type: MyUsageResponseDto })
  async mine(@CurrentActor() actor: Actor): Promise<MyUsageResponseDto> {
    return MyUsageResponseDto.from(await this.getMyUsage.execute(actor));
  }
}
