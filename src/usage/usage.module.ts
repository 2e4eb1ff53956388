import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigError, type AppConfig } from '#libs/config';
import { Clock, SystemClock } from '#libs/ddd';
import { AccountsModule } from '../accounts';
import { UsageAudit } from './application/ports/usage-audit';
import { UsageLedger } from './application/ports/usage-ledger';
import { UsageLimitsRepository } from './application/ports/usage-limits.repository';
import { UsageReports } from './application/ports/usage-reports';
import { UsageThresholdNotifier } from './application/ports/usage-threshold-notifier';
import { GetMyUsageUseCase } from './application/use-cases/get-my-usage.use-case';
import { GetUsageLimitsUseCase } from './application/use-cases/get-usage-limits.use-case';
import { GetUsageReportUseCase } from './application/use-cases/get-usage-report.use-case';
import { ReleaseGenerationBudgetUseCase } from './application/use-cases/release-generation-budget.use-case';
import { ReserveGenerationBudgetUseCase } from './application/use-cases/reserve-generation-budget.use-case';
import { SettleGenerationUsageUseCase } from './application/use-cases/settle-generation-usage.use-case';
import { UpdateUsageLimitsUseCase } from './application/use-cases/update-usage-limits.use-case';
import { PriceTable, PriceTableInvalidError } from './domain/price-table';
import { AccountsUsageAudit } from './infrastructure/accounts-usage-audit';
import { WebhookUsageThresholdNotifier } from './infrastructure/webhook-usage-threshold-notifier';
import { TypeOrmUsageLedger } from './infrastructure/persistence/typeorm-usage-ledger';
import { TypeOrmUsageLimitsRepository } from './infrastructure/persistence/typeorm-usage-limits.repository';
import { TypeOrmUsageReports } from './infrastructure/persistence/typeorm-usage-reports';
import { UsageLimitEntity } from './infrastructure/persistence/usage-limit.entity';
import { UsageRecordEntity } from './infrastructure/persistence/usage-record.entity';
import { UsageReservationEntity } from './infrastructure/persistence/usage-reservation.entity';
import { UsageThresholdEventEntity } from './infrastructure/persistence/usage-threshold-event.entity';
import { UsageController } from './presentation/http/usage.controller';

/** The price table from USAGE_PRICES; a malformed one stops start-up with one line naming the variable. */
export function priceTableFrom(config: Pick<AppConfig, 'usagePriceOverrides'>): PriceTable {
  try {
    return PriceTable.withOverrides(config.usagePriceOverrides);
  } catch (error) {
    if (!(error instanceof PriceTableInvalidError)) throw error;
    const configError = new ConfigError('USAGE_PRICES', error.reason);
    // An operator's mistake, not a bug: the message is all there is to say.
    configError.stack = configError.message;
    throw configError;
  }
}

/**
 * The `usage` bounded context: prices, budget reservations, usage records, limits, thresholds and
 * reports. Controllers are mounted when the process serves HTTP. The generation pipeline imports
 * `UsageModule.forRole(config)` for the reserve, settle and release use cases.
 */
@Module({})
export class UsageModule {
  /**
   * Nest tells dynamic modules apart by object identity, so one config always gets the same object
   * back; otherwise each context importing this module would mount a second copy of its controller.
   */
  private static readonly mounted = new WeakMap<AppConfig, DynamicModule>();

  static forRole(config: AppConfig): DynamicModule {
    const existing = UsageModule.mounted.get(config);
    if (existing) return existing;
    const providers: Provider[] = [
      { provide: PriceTable, useValue: priceTableFrom(config) },
      { provide: Clock, useClass: SystemClock },
      { provide: UsageLedger, useClass: TypeOrmUsageLedger },
      { provide: UsageLimitsRepository, useClass: TypeOrmUsageLimitsRepository },
      { provide: UsageReports, useClass: TypeOrmUsageReports },
      { provide: UsageThresholdNotifier, useClass: WebhookUsageThresholdNotifier },
      { provide: UsageAudit, useClass: AccountsUsageAudit },
      ReserveGenerationBudgetUseCase,
      SettleGenerationUsageUseCase,
      ReleaseGenerationBudgetUseCase,
      GetUsageReportUseCase,
      GetUsageLimitsUseCase,
      UpdateUsageLimitsUseCase,
      GetMyUsageUseCase,
    ];
    const mounted: DynamicModule = {
      module: UsageModule,
      imports: [
        TypeOrmModule.forFeature([
          UsageRecordEntity,
          UsageLimitEntity,
          UsageReservationEntity,
          UsageThresholdEventEntity,
        ]),
        // The same object AppModule mounts (forRole is memoised): one AccountsModule, for AuditLog.
        AccountsModule.forRole(config),
      ],
      controllers: config.runsHttp ? [UsageController] : [],
      providers,
      exports: [
        ReserveGenerationBudgetUseCase,
        SettleGenerationUsageUseCase,
        ReleaseGenerationBudgetUseCase,
        PriceTable,
      ],
    };
    UsageModule.mounted.set(config, mounted);
    return mounted;
  }
}
