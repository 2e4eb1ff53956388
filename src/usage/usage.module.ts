import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { AccountsModule } from '../accounts';
import { ContentCosts } from './application/ports/content-costs';
import { UsageAudit } from './application/ports/usage-audit';
import { UsageLedger } from './application/ports/usage-ledger';
import { UsageLimitsRepository } from './application/ports/usage-limits.repository';
import { ProjectUsageLimitsRepository } from './application/ports/project-usage-limits.repository';
import { EstimateGenerationBudgetUseCase } from './application/use-cases/estimate-generation-budget.use-case';
import { GetProjectUsageLimitsUseCase } from './application/use-cases/get-project-usage-limits.use-case';
import { UpdateProjectUsageLimitsUseCase } from './application/use-cases/update-project-usage-limits.use-case';
import { UsageProjectLimitEntity } from './infrastructure/typeorm/usage-project-limit.entity';
import { UsageReports } from './application/ports/usage-reports';
import { UsageThresholdNotifier } from './application/ports/usage-threshold-notifier';
import { CheckReservationUseCase } from './application/use-cases/check-reservation.use-case';
import { GetContentCostsUseCase } from './application/use-cases/get-content-costs.use-case';
import { GetMyUsageUseCase } from './application/use-cases/get-my-usage.use-case';
import { GetUsageForecastUseCase } from './application/use-cases/get-usage-forecast.use-case';
import { GetUsageLimitsUseCase } from './application/use-cases/get-usage-limits.use-case';
import { GetUsageReportUseCase } from './application/use-cases/get-usage-report.use-case';
import { ListHeldReservationsUseCase } from './application/use-cases/list-held-reservations.use-case';
import { ReleaseGenerationBudgetUseCase } from './application/use-cases/release-generation-budget.use-case';
import { ReserveGenerationBudgetUseCase } from './application/use-cases/reserve-generation-budget.use-case';
import { ResolveReportWindowUseCase } from './application/use-cases/resolve-report-window.use-case';
import { SettleGenerationUsageUseCase } from './application/use-cases/settle-generation-usage.use-case';
import { UpdateUsageLimitsUseCase } from './application/use-cases/update-usage-limits.use-case';
import { PriceTable } from './domain/price-table';
import { priceTableFrom } from './infrastructure/config/config-price-table';
import { AccountsUsageAudit } from './infrastructure/in-process/in-process-usage-audit';
import { EventUsageThresholdNotifier } from './infrastructure/in-process/in-process-usage-threshold-notifier';
import { TypeOrmContentCosts } from './infrastructure/typeorm/typeorm-content-costs';
import { TypeOrmUsageLedger } from './infrastructure/typeorm/typeorm-usage-ledger';
import {
  TypeOrmProjectUsageLimitsRepository,
  TypeOrmUsageLimitsRepository,
} from './infrastructure/typeorm/typeorm-usage-limits.repository';
import { TypeOrmUsageReports } from './infrastructure/typeorm/typeorm-usage-reports';
import { UsageDailyRollupEntity } from './infrastructure/typeorm/usage-daily-rollup.entity';
import { UsageLimitEntity } from './infrastructure/typeorm/usage-limit.entity';
import { UsageRecordEntity } from './infrastructure/typeorm/usage-record.entity';
import { UsageReservationEntity } from './infrastructure/typeorm/usage-reservation.entity';
import { UsageThresholdEventEntity } from './infrastructure/typeorm/usage-threshold-event.entity';
import { UsageController } from './presentation/http/usage.controller';
import { OrganizationProviderRepository, ProviderAddressGuard } from './application/ports/organization-providers';
import { ProviderPrices } from './application/services/provider-prices';
import { GetOrganizationProviderUseCase } from './application/use-cases/get-organization-provider.use-case';
import { RemoveOrganizationProviderUseCase } from './application/use-cases/remove-organization-provider.use-case';
import { ResolveGenerationProviderUseCase } from './application/use-cases/resolve-generation-provider.use-case';
import { SetOrganizationProviderUseCase } from './application/use-cases/set-organization-provider.use-case';
import { InProcessProviderAddressGuard } from './infrastructure/in-process/in-process-provider-address-guard';
import { OrganizationAiProviderEntity } from './infrastructure/typeorm/organization-ai-provider.entity';
import { TypeOrmOrganizationProviders } from './infrastructure/typeorm/typeorm-organization-providers';
import { AiProviderController } from './presentation/http/ai-provider.controller';

/** Called by the generation workflow (content context); exported through index.ts. */
const generationBudget = [
  ReserveGenerationBudgetUseCase,
  EstimateGenerationBudgetUseCase,
  CheckReservationUseCase,
  SettleGenerationUsageUseCase,
  ReleaseGenerationBudgetUseCase,
  ListHeldReservationsUseCase,
  ResolveGenerationProviderUseCase,
];

/** Read by other contexts' reports (editorial analytics); exported through index.ts. */
const reportParts = [ResolveReportWindowUseCase, GetContentCostsUseCase];

/** The `usage` bounded context: prices, budget reservations, usage records, limits, thresholds and reports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UsageRecordEntity,
      UsageDailyRollupEntity,
      UsageLimitEntity,
      UsageProjectLimitEntity,
      UsageReservationEntity,
      UsageThresholdEventEntity,
      OrganizationAiProviderEntity,
    ]),
    AccountsModule,
  ],
  controllers: [UsageController, AiProviderController],
  providers: [
    { provide: PriceTable, inject: [AppConfig], useFactory: priceTableFrom },
    { provide: UsageLedger, useClass: TypeOrmUsageLedger },
    { provide: UsageLimitsRepository, useClass: TypeOrmUsageLimitsRepository },
    { provide: ProjectUsageLimitsRepository, useClass: TypeOrmProjectUsageLimitsRepository },
    { provide: UsageReports, useClass: TypeOrmUsageReports },
    { provide: UsageThresholdNotifier, useClass: EventUsageThresholdNotifier },
    { provide: UsageAudit, useClass: AccountsUsageAudit },
    { provide: ContentCosts, useClass: TypeOrmContentCosts },
    { provide: OrganizationProviderRepository, useClass: TypeOrmOrganizationProviders },
    { provide: ProviderAddressGuard, useClass: InProcessProviderAddressGuard },
    ProviderPrices,
    GetOrganizationProviderUseCase,
    SetOrganizationProviderUseCase,
    RemoveOrganizationProviderUseCase,
    ...generationBudget,
    ...reportParts,
    GetUsageReportUseCase,
    GetUsageLimitsUseCase,
    UpdateUsageLimitsUseCase,
    GetMyUsageUseCase,
    GetUsageForecastUseCase,
    GetProjectUsageLimitsUseCase,
    UpdateProjectUsageLimitsUseCase,
  ],
  exports: [...generationBudget, ...reportParts, PriceTable],
})
export class UsageModule {}
