/** The ai context's public surface: other contexts import only from here. */
export { AiModule } from './ai.module';
export type { GenerationBridges } from './infrastructure/bridges/generation-bridges';
export {
  EstimateGenerationTokensUseCase,
  type EstimateGenerationTokensInput,
  type GenerationTokenEstimate,
} from './application/use-cases/estimate-generation-tokens.use-case';
export { EnqueueGenerationUseCase } from './application/use-cases/enqueue-generation.use-case';
export type { GenerationJobInput } from './application/ports/generation-queue';
export type { ChatMessage } from './application/ports/llm-client';
export {
  AI_GENERATION_QUEUE,
  GENERATE_CONTENT_JOB,
  type GenerateContentPayload,
} from './infrastructure/queue/ai.queue';
