/** The usage context's public surface: other contexts import only from here. */
export { UsageModule } from './usage.module';
export { priceTableFrom } from './infrastructure/config/config-price-table';
export {
  ReserveGenerationBudgetUseCase,
  type ReserveGenerationBudgetInput,
  type ReservedBudget,
} from './application/use-cases/reserve-generation-budget.use-case';
export {
  SettleGenerationUsageUseCase,
  type SettleGenerationUsageInput,
  type SettledUsage,
} from './application/use-cases/settle-generation-usage.use-case';
export { ReleaseGenerationBudgetUseCase } from './application/use-cases/release-generation-budget.use-case';
export {
  EstimateGenerationBudgetUseCase,
  type EstimateGenerationBudgetInput,
  type GenerationBudgetEstimate,
  type Remaining,
  type WouldExceed,
} from './application/use-cases/estimate-generation-budget.use-case';
export { CheckReservationUseCase } from './application/use-cases/check-reservation.use-case';
export { ResolveReportWindowUseCase, type ReportWindow } from './application/use-cases/resolve-report-window.use-case';
export { GetContentCostsUseCase, type ContentCostsInput } from './application/use-cases/get-content-costs.use-case';
export { parseWindowBound, IsWindowBound, REPORT_WINDOW_BOUND_HELP } from './presentation/http/dto/usage-report.dto';
export type { WindowBound } from './domain/report-window';
export type { UsageCalendar } from './domain/usage-period';
export {
  ListHeldReservationsUseCase,
  type ListHeldReservationsInput,
  type HeldReservation,
} from './application/use-cases/list-held-reservations.use-case';
export { UsageThresholdNotifier, type ThresholdCrossing } from './application/ports/usage-threshold-notifier';
export {
  PriceTable,
  PriceTableInvalidError,
  modelPriceOf,
  priceEntryOf,
  type CallTokens,
  type ModelPrice,
  type ModelPriceEntry,
} from './domain/price-table';
export {
  GenerationCostCeilingError,
  ModelUnknownError,
  UsageLimitExceededError,
  type LimitExceededDetails,
  type LimitName,
} from './domain/usage.errors';
export {
  ResolveGenerationProviderUseCase,
  type GenerationProvider,
  type ProviderKind,
} from './application/use-cases/resolve-generation-provider.use-case';
export { USAGE_ENCRYPTED_COLUMNS } from './infrastructure/typeorm/encrypted-columns';
