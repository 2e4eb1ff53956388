import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, ValidateBy } from 'class-validator';
import { ISO_DATE, ISO_INSTANT, isRealDate, latinTrimmed } from '#libs/http';
import { USAGE_GROUP_BY, type UsageGroupBy, type UsageTotals } from '../../../application/ports/usage-reports';
import type { UsageReportView } from '../../../application/use-cases/get-usage-report.use-case';
import type { WindowBound } from '../../../domain/report-window';
import { USAGE_CALENDARS, type UsageCalendar } from '../../../domain/usage-period';

/** `2026-03-21` (a whole day) or `2026-03-21T10:00:00Z` / `…+03:30` (an instant); anything else is undefined. */
export function parseWindowBound(text: string): WindowBound | undefined {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isRealDate(year, month, day) ? { date: { year, month, day } } : undefined;
  }
  const dateTime = ISO_INSTANT.exec(text);
  if (!dateTime || !isRealDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3]))) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : { instant };
}

/** `from`/`to` of a report: `2026-03-21` or an ISO date-time with an offset (see parseWindowBound). */
export const IsWindowBound = () =>
  ValidateBy({
    name: 'isWindowBound',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseWindowBound(value) !== undefined,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO date (2026-03-21) or an ISO date-time with an offset (2026-03-21T10:00:00Z)`,
    },
  });

export const REPORT_WINDOW_BOUND_HELP =
  'A date (`2026-03-21`) is a whole day in the organization calendar’s time zone (UTC for gregorian, Asia/Tehran for jalali); ' +
  'a date-time with an offset is an exact instant.';

export class UsageReportQueryDto {
  @ApiPropertyOptional({
    description: `Start of the window, inclusive. Default: the start of the period that holds \`to\` (or the current period). ${REPORT_WINDOW_BOUND_HELP}`,
    example: '2026-11-01',
  })
  @IsOptional()
  @Transform(latinTrimmed)
  @IsString()
  @IsWindowBound()
  from?: string;

  @ApiPropertyOptional({
    description: `End of the window: a date includes its whole day, a date-time is exclusive. Default: the end of the current period. At most 400 days after \`from\`. ${REPORT_WINDOW_BOUND_HELP}`,
    example: '2026-11-30',
  })
  @IsOptional()
  @Transform(latinTrimmed)
  @IsString()
  @IsWindowBound()
  to?: string;

  @ApiPropertyOptional({
    enum: USAGE_GROUP_BY,
    description:
      'Split the totals per local day, member (user id), model or project (project id). Without it `groups` is empty.',
  })
  @IsOptional()
  @IsIn(USAGE_GROUP_BY)
  groupBy?: UsageGroupBy;
}

export class UsageTotalsDto {
  @ApiProperty({ type: 'integer', description: 'Completed OpenAI calls' })
  requests!: number;

  @ApiProperty({ type: 'integer' })
  promptTokens!: number;

  @ApiProperty({
    type: 'integer',
    description:
      'Prompt tokens served from the provider’s prompt cache (`usage.prompt_tokens_details.cached_tokens`), included in promptTokens and charged at the model’s cached-input price',
  })
  cachedPromptTokens!: number;

  @ApiProperty({
    type: 'integer',
    deprecated: true,
    description: 'The same figure as cachedPromptTokens, under its earlier name (kept for existing clients)',
  })
  cachedTokens!: number;

  @ApiProperty({ type: 'integer', description: 'All completion tokens, reasoning tokens included' })
  completionTokens!: number;

  @ApiProperty({
    type: 'integer',
    description:
      'Completion tokens the model spent reasoning (`usage.completion_tokens_details.reasoning_tokens`; o-series and gpt-5 models), included in completionTokens and charged at the output price',
  })
  reasoningTokens!: number;

  @ApiProperty({ type: 'integer' })
  totalTokens!: number;

  @ApiProperty({ example: '0.000420', description: 'USD, 6 decimals' })
  costUsd!: string;

  static from(totals: UsageTotals): UsageTotalsDto {
    return {
      requests: totals.requests,
      promptTokens: totals.promptTokens,
      cachedPromptTokens: totals.cachedTokens,
      cachedTokens: totals.cachedTokens,
      completionTokens: totals.completionTokens,
      reasoningTokens: totals.reasoningTokens,
      totalTokens: totals.totalTokens,
      costUsd: totals.cost.toDecimalString(),
    };
  }
}

export class UsageGroupDto extends UsageTotalsDto {
  @ApiProperty({
    description:
      'groupBy=day: the local date `YYYY-MM-DD` (Gregorian, in the calendar’s time zone); user: a user id; model: a model name; project: a project id',
    example: '2026-11-24',
  })
  key!: string;
}

export class UsageReportResponseDto {
  totals!: UsageTotalsDto;

  @ApiProperty({
    type: [UsageGroupDto],
    description: 'Days ascending; other groupings by cost, highest first. Groups without usage are left out.',
  })
  groups!: UsageGroupDto[];

  @ApiProperty({ description: 'The window reported, `[from, to)`', example: '2026-10-31T20:30:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-11-30T20:30:00.000Z' })
  to!: string;

  @ApiProperty({ enum: USAGE_GROUP_BY, nullable: true, type: String })
  groupBy!: UsageGroupBy | null;

  @ApiProperty({ enum: USAGE_CALENDARS })
  calendar!: UsageCalendar;

  static from(view: UsageReportView): UsageReportResponseDto {
    return {
      totals: UsageTotalsDto.from(view.totals),
      groups: view.groups.map((group) => ({ key: group.key, ...UsageTotalsDto.from(group) })),
      from: view.from.toISOString(),
      to: view.to.toISOString(),
      groupBy: view.groupBy,
      calendar: view.calendar,
    };
  }
}
