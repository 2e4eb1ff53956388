/** The ai context's public surface: other contexts import only from here. */
export { AiModule } from './ai.module';
export {
  EstimateGenerationTokensUseCase,
  type EstimateGenerationTokensInput,
  type GenerationTokenEstimate,
} from './application/use-cases/estimate-generation-tokens.use-case';
export {
  StreamChatCompletionUseCase,
  type StreamChatCompletionInput,
} from './application/use-cases/stream-chat-completion.use-case';
export { PublishGenerationEventUseCase } from './application/use-cases/publish-generation-event.use-case';
export { WatchGenerationUseCase, type WatchGenerationOptions } from './application/use-cases/watch-generation.use-case';
export type { GenerationEventListener, GenerationSubscription } from './application/ports/generation-events';
export type { ChatMessage, LlmResult } from './application/ports/llm-client';
export {
  GENERATING_STATUS,
  type GenerationEvent,
  type PublishedGenerationEvent,
  type TokenUsage,
} from './domain/generation-event';
export {
  GENERATION_FAILURE_CODES,
  GenerationFailure,
  publicFailureOf,
  type FailureKind,
  type GenerationFailureCode,
  type PublicFailure,
} from './domain/generation.errors';
