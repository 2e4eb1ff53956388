import { ApiProperty } from '@nestjs/swagger';
import type { MyUsage } from '../../../application/use-cases/get-my-usage.use-case';
import { USAGE_CALENDARS, type UsageCalendar } from '../../../domain/usage-period';
import { UsagePeriodDto } from './usage-limits.dto';
import { UsageTotalsDto } from './usage-report.dto';

export class MyOrganizationUsageDto extends UsageTotalsDto {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ enum: USAGE_CALENDARS })
  calendar!: UsageCalendar;

  @ApiProperty({ type: UsagePeriodDto, description: "The organization's current period" })
  period!: UsagePeriodDto;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Your own monthly token limit there; null = unlimited' })
  perUserMonthlyTokenLimit!: number | null;
}

export class MyUsageResponseDto {
  @ApiProperty({ type: UsageTotalsDto, description: 'The sum over all organizations below' })
  totals!: UsageTotalsDto;

  @ApiProperty({
    type: [MyOrganizationUsageDto],
    description: 'One entry per organization you used tokens in this period, highest cost first',
  })
  organizations!: MyOrganizationUsageDto[];

  static from(usage: MyUsage): MyUsageResponseDto {
    return {
      totals: UsageTotalsDto.from(usage.totals),
      organizations: usage.organizations.map((o) => ({
        organizationId: o.organizationId,
        calendar: o.calendar,
        period: o.period.toJSON(),
        perUserMonthlyTokenLimit: o.perUserMonthlyTokenLimit,
        ...UsageTotalsDto.from(o.totals),
      })),
    };
  }
}
