import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { latinTrimmed } from '#libs/http';
import type { ProjectUsageLimitsView } from '../../../application/use-cases/get-project-usage-limits.use-case';
import type { UsageLimitsView } from '../../../application/use-cases/get-usage-limits.use-case';
import { USAGE_CALENDARS, type UsageCalendar } from '../../../domain/usage-period';

const unlessNull = ValidateIf((_object: unknown, value: unknown) => value !== null);
const required = (field: string) => IsDefined({ message: `${field} is required; send null for unlimited` });

export class UsagePeriodDto {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' })
  start!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', description: 'Exclusive' })
  end!: string;
}

export class UsageAmountDto {
  @ApiProperty({ type: 'integer' })
  tokens!: number;

  @ApiProperty({ example: '12.345678', description: 'USD, 6 decimals' })
  costUsd!: string;
}

/** PUT body: every limit must be sent (null = unlimited); the calendar may be left out to keep it. */
export class UpdateUsageLimitsDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 5_000_000,
    description: 'Tokens the organization may use per period; null = unlimited',
  })
  @required('monthlyTokenLimit')
  @unlessNull
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  monthlyTokenLimit!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '50.00',
    description: 'USD per period as a decimal string (at most 6 decimals); null = unlimited',
  })
  @required('monthlyCostLimitUsd')
  @unlessNull
  @Transform(latinTrimmed)
  @IsString()
  @Matches(/^\d{1,12}(?:\.\d{1,6})?$/, {
    message: 'monthlyCostLimitUsd must be a decimal string of USD with at most 6 decimals, like "50.00"',
  })
  monthlyCostLimitUsd!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 500_000,
    description: 'Tokens each member may use per period in this organization; null = unlimited',
  })
  @required('perUserMonthlyTokenLimit')
  @unlessNull
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  perUserMonthlyTokenLimit!: number | null;

  @ApiPropertyOptional({
    enum: USAGE_CALENDARS,
    description:
      'gregorian: UTC calendar months; jalali: Persian months from midnight Asia/Tehran. Left out: unchanged.',
  })
  @IsOptional()
  @IsIn(USAGE_CALENDARS)
  calendar?: UsageCalendar;
}

export class UsageLimitsResponseDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null = unlimited' })
  monthlyTokenLimit!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '50.000000', description: 'null = unlimited' })
  monthlyCostLimitUsd!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null = unlimited' })
  perUserMonthlyTokenLimit!: number | null;

  @ApiProperty({ enum: USAGE_CALENDARS, description: 'How periods are cut' })
  calendar!: UsageCalendar;

  @ApiProperty({ type: UsagePeriodDto, description: 'The current period' })
  period!: UsagePeriodDto;

  @ApiProperty({ type: UsageAmountDto, description: 'Recorded usage of the organization in the current period' })
  used!: UsageAmountDto;

  @ApiProperty({
    type: UsageAmountDto,
    description: 'Worst cases held by generations in progress; they count against the limits until settled',
  })
  reserved!: UsageAmountDto;

  @ApiProperty({ type: String, nullable: true, description: 'null while the defaults were never changed' })
  updatedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  updatedBy!: string | null;

  static from(view: UsageLimitsView): UsageLimitsResponseDto {
    const { limits } = view;
    return {
      monthlyTokenLimit: limits.monthlyTokenLimit,
      monthlyCostLimitUsd: limits.monthlyCostLimit?.toDecimalString() ?? null,
      perUserMonthlyTokenLimit: limits.perUserMonthlyTokenLimit,
      calendar: limits.calendar,
      period: view.period.toJSON(),
      used: { tokens: view.used.tokens, costUsd: view.used.cost.toDecimalString() },
      reserved: { tokens: view.reserved.tokens, costUsd: view.reserved.cost.toDecimalString() },
      updatedAt: limits.updatedAt?.toISOString() ?? null,
      updatedBy: limits.updatedBy,
    };
  }
}

/** PUT body of a project's limits: both must be sent (null = none of its own). */
export class UpdateProjectUsageLimitsDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 1_000_000,
    description: "Tokens the project may use per period (the organization's period); null = no limit of its own",
  })
  @required('monthlyTokenLimit')
  @unlessNull
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  monthlyTokenLimit!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '10.00',
    description: 'USD per period as a decimal string (at most 6 decimals); null = no limit of its own',
  })
  @required('monthlyCostLimitUsd')
  @unlessNull
  @Transform(latinTrimmed)
  @IsString()
  @Matches(/^\d{1,12}(?:\.\d{1,6})?$/, {
    message: 'monthlyCostLimitUsd must be a decimal string of USD with at most 6 decimals, like "10.00"',
  })
  monthlyCostLimitUsd!: string | null;
}

export class ProjectUsageLimitsResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null = no limit of its own' })
  monthlyTokenLimit!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '10.000000', description: 'null = no limit of its own' })
  monthlyCostLimitUsd!: string | null;

  @ApiProperty({ type: UsagePeriodDto, description: "The organization's current period" })
  period!: UsagePeriodDto;

  @ApiProperty({ type: UsageAmountDto, description: 'Recorded usage of the project in the current period' })
  used!: UsageAmountDto;

  @ApiProperty({
    type: UsageAmountDto,
    description:
      "Worst cases held by the project's generations in progress; they count against the limits until settled",
  })
  reserved!: UsageAmountDto;

  @ApiProperty({ type: String, nullable: true, description: 'null while the project never had limits set' })
  updatedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  updatedBy!: string | null;

  static from(view: ProjectUsageLimitsView): ProjectUsageLimitsResponseDto {
    const { limits } = view;
    return {
      projectId: limits.projectId,
      organizationId: limits.organizationId,
      monthlyTokenLimit: limits.monthlyTokenLimit,
      monthlyCostLimitUsd: limits.monthlyCostLimit?.toDecimalString() ?? null,
      period: view.period.toJSON(),
      used: { tokens: view.used.tokens, costUsd: view.used.cost.toDecimalString() },
      reserved: { tokens: view.reserved.tokens, costUsd: view.reserved.cost.toDecimalString() },
      updatedAt: limits.updatedAt?.toISOString() ?? null,
      updatedBy: limits.updatedBy,
    };
  }
}
