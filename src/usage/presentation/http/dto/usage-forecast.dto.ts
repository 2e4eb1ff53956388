import { ApiProperty } from '@nestjs/swagger';
import type { UsageForecastView } from '../../../application/use-cases/get-usage-forecast.use-case';
import { UsageAmountDto, UsagePeriodDto } from './usage-limits.dto';

export class UsageForecastLimitDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null = unlimited' })
  monthlyTokenLimit!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '50.000000', description: 'null = unlimited' })
  monthlyCostLimitUsd!: string | null;
}

export class UsageForecastResponseDto {
  @ApiProperty({ type: UsagePeriodDto, description: 'The current period, as GET usage/limits gives it' })
  period!: UsagePeriodDto;

  @ApiProperty({ type: UsageAmountDto, description: 'Recorded usage of the period until now' })
  used!: UsageAmountDto;

  @ApiProperty({
    type: UsageAmountDto,
    description:
      'used + burnPerDay × the days left until the period ends (fractional); tokens and micro-dollars rounded half up',
  })
  projected!: UsageAmountDto;

  @ApiProperty({
    type: UsageAmountDto,
    description:
      'Half the trailing week (last 7 whole local days ÷ 7) plus half the period so far (its whole days ÷ their number); today is left out of the rate. ' +
      'Fewer than 7 whole days: the period so far. First day of the period: the 7 whole days before it ÷ 7. Rounded half up.',
  })
  burnPerDay!: UsageAmountDto;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the token or cost limit (whichever first) would be reached at burnPerDay, rounded up to the second; the time of the request when a limit is already reached; ' +
      'null when no limit is reached before the period ends (or there is no limit or no burn)',
  })
  exhaustsAt!: string | null;

  @ApiProperty({
    // null in the list too: OpenAPI 3.0 reads an enum without it as never null, whatever `nullable` says.
    enum: ['tokens', 'cost', null],
    nullable: true,
    description: 'Which limit exhaustsAt is about; null with exhaustsAt',
  })
  exhaustsLimit!: 'tokens' | 'cost' | null;

  @ApiProperty({
    type: UsageForecastLimitDto,
    description: "The organization's monthly limits (each null = unlimited)",
  })
  limit!: UsageForecastLimitDto;

  static from(view: UsageForecastView): UsageForecastResponseDto {
    return {
      period: view.period.toJSON(),
      used: { tokens: view.used.tokens, costUsd: view.used.cost.toDecimalString() },
      projected: { tokens: view.projected.tokens, costUsd: view.projected.cost.toDecimalString() },
      burnPerDay: { tokens: view.burnPerDay.tokens, costUsd: view.burnPerDay.cost.toDecimalString() },
      exhaustsAt: view.exhaustsAt?.toISOString() ?? null,
      exhaustsLimit: view.exhaustsLimit,
      limit: {
        monthlyTokenLimit: view.limits.monthlyTokenLimit,
        monthlyCostLimitUsd: view.limits.monthlyCostLimit?.toDecimalString() ?? null,
      },
    };
  }
}
