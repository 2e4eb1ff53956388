/** The content context's public surface: other contexts import only from here. */
export { ContentModule } from './content.module';
export type { OpenTransaction } from './application/ports/open-transaction';
export type { ContentView } from './application/ports/content.repository';
export {
  GetGenerationRequestUseCase,
  type GenerationRequest,
} from './application/use-cases/generation/get-generation-request.use-case';
export {
  StartGenerationUseCase,
  type StartGenerationInput,
} from './application/use-cases/generation/start-generation.use-case';
export {
  CompleteGenerationUseCase,
  type CompleteGenerationInput,
  type GenerationOutcome,
} from './application/use-cases/generation/complete-generation.use-case';
export {
  FailGenerationUseCase,
  type FailGenerationInput,
} from './application/use-cases/generation/fail-generation.use-case';
export {
  ListRunningGenerationsUseCase,
  type ListRunningGenerationsInput,
} from './application/use-cases/generation/list-running-generations.use-case';
export type { RunningGeneration } from './application/ports/content.repository';
export type { GenerationError, LastError } from './domain/content';
export type { GenerationUsage } from './domain/content-version';
export type { ContentStatus } from './domain/content-status';
export { ContentBusyError, ContentInvalidTransitionError } from './domain/content.errors';
