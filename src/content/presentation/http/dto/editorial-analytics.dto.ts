import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { latinTrimmed } from '#libs/http';
import { IsWindowBound, REPORT_WINDOW_BOUND_HELP, type UsageCalendar } from '../../../../usage';
import { EDITORIAL_GROUP_BY, type EditorialGroupBy } from '../../../application/ports/editorial-analytics';
import type {
  EditorialAnalyticsView,
  EditorialFigures,
} from '../../../application/use-cases/analytics/get-editorial-analytics.use-case';
import { REJECTION_CATEGORIES } from '../../../domain/content-status';

export class EditorialAnalyticsQueryDto {
  @ApiPropertyOptional({
    description: `Start of the window, inclusive. Default: the start of the usage period that holds \`to\` (or the current one). ${REPORT_WINDOW_BOUND_HELP}`,
    example: '2026-11-01',
  })
  @IsOptional()
  @Transform(latinTrimmed)
  @IsString()
  @IsWindowBound()
  from?: string;

  @ApiPropertyOptional({
    description: `End of the window: a date includes its whole day, a date-time is exclusive. Default: the end of the current usage period. At most 400 days after \`from\`. ${REPORT_WINDOW_BOUND_HELP}`,
    example: '2026-11-30',
  })
  @IsOptional()
  @Transform(latinTrimmed)
  @IsString()
  @IsWindowBound()
  to?: string;

  @ApiPropertyOptional({
    enum: EDITORIAL_GROUP_BY,
    description:
      'Split the figures per project (project id), author (the user id of whoever created the content) or model ' +
      '(for `created` the model the content asks for; for the other figures the model that wrote the version generated or decided on, ' +
      '`null` when a person wrote it). Without it `groups` is empty.',
  })
  @IsOptional()
  @IsIn(EDITORIAL_GROUP_BY)
  groupBy?: EditorialGroupBy;
}

export class PercentilesDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median, in seconds (to the millisecond); null when nothing was measured',
  })
  p50!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '90th percentile, in seconds; null when nothing was measured',
  })
  p90!: number | null;
}

const CATEGORY_EXAMPLE = Object.fromEntries(REJECTION_CATEGORIES.map((category) => [category, 0]));

export class EditorialFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Contents created in the window' })
  created!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Generations completed in the window (each one that brought a new "ai" version to REVIEW)',
  })
  generated!: number;

  @ApiProperty({ type: 'integer', description: 'Approvals decided in the window' })
  approved!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Rejections decided in the window (every one: a content rejected twice counts twice)',
  })
  rejected!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'approved / (approved + rejected), to 4 decimals; null when no decision fell in the window',
    example: 0.75,
  })
  approvalRate!: number | null;

  @ApiProperty({
    type: PercentilesDto,
    description:
      'For each approval in the window: seconds from the content’s creation to its approval. Percentiles are PostgreSQL percentile_cont (interpolated).',
  })
  timeToApprovalSec!: PercentilesDto;

  @ApiProperty({
    type: PercentilesDto,
    description:
      'For each decision (approval or rejection) in the window, one review round: seconds from the content’s last entry into REVIEW with a text to ' +
      'review (a completed generation, a restore) to the decision. A failed generation that returns to REVIEW does not start a round.',
  })
  timeInReviewSec!: PercentilesDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `Rejections in the window per category (${REJECTION_CATEGORIES.join(', ')}), every category present; a rejection that named none is OTHER`,
    example: CATEGORY_EXAMPLE,
  })
  rejectionsByCategory!: Record<string, number>;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'For the contents approved in the window, the average number of body versions ("ai", "manual", "restore") written before the ' +
      'approved one: 0 when the first text was approved. To 2 decimals; null without approvals.',
    example: 1.5,
  })
  revisionsPerApproved!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'USD, 6 decimals: the usage cost of the contents approved in the window (every usage record of each, whatever its time: all their ' +
      'generations and retries, rejected rounds included) divided by how many they are, rounded half up to the micro-dollar; null without approvals',
    example: '0.001312',
  })
  costPerApprovedUsd!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The same in integer micro-dollars (1 USD = 1 000 000)',
    example: 1312,
  })
  costPerApprovedMicroUsd!: number | null;

  static from(figures: EditorialFigures): EditorialFiguresDto {
    return {
      created: figures.created,
      generated: figures.generated,
      approved: figures.approved,
      rejected: figures.rejected,
      approvalRate: figures.approvalRate,
      timeToApprovalSec: { ...figures.timeToApprovalSec },
      timeInReviewSec: { ...figures.timeInReviewSec },
      rejectionsByCategory: { ...figures.rejectionsByCategory },
      revisionsPerApproved: figures.revisionsPerApproved,
      costPerApprovedUsd: figures.costPerApproved?.toDecimalString() ?? null,
      costPerApprovedMicroUsd: figures.costPerApproved === null ? null : Number(figures.costPerApproved.micros),
    };
  }
}

export class EditorialGroupDto extends EditorialFiguresDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'groupBy=project: a project id; author: the user id of the content’s creator; model: a model name, null for versions written by hand',
  })
  key!: string | null;
}

export class EditorialAnalyticsResponseDto {
  totals!: EditorialFiguresDto;

  @ApiProperty({
    type: [EditorialGroupDto],
    description:
      'Most approvals first, then most created, then by key. Groups without any event in the window are left out.',
  })
  groups!: EditorialGroupDto[];

  @ApiProperty({ description: 'The window reported, `[from, to)`', example: '2026-10-31T20:30:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-11-30T20:30:00.000Z' })
  to!: string;

  @ApiProperty({ enum: EDITORIAL_GROUP_BY, nullable: true, type: String })
  groupBy!: EditorialGroupBy | null;

  @ApiProperty({
    enum: ['gregorian', 'jalali'],
    description: 'The organization’s usage calendar, which cut the default window and dates',
  })
  calendar!: UsageCalendar;

  static from(view: EditorialAnalyticsView): EditorialAnalyticsResponseDto {
    return {
      totals: EditorialFiguresDto.from(view.totals),
      groups: view.groups.map((group) => ({ key: group.key, ...EditorialFiguresDto.from(group) })),
      from: view.from.toISOString(),
      to: view.to.toISOString(),
      groupBy: view.groupBy,
      calendar: view.calendar,
    };
  }
}
