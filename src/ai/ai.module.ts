import { Module } from '@nestjs/common';
import { GenerationEvents } from './application/ports/generation-events';
import { LlmClient } from './application/ports/llm-client';
import { TokenCounter } from './application/ports/token-counter';
import { EstimateGenerationTokensUseCase } from './application/use-cases/estimate-generation-tokens.use-case';
import { PublishGenerationEventUseCase } from './application/use-cases/publish-generation-event.use-case';
import { StreamChatCompletionUseCase } from './application/use-cases/stream-chat-completion.use-case';
import { WatchGenerationUseCase } from './application/use-cases/watch-generation.use-case';
import { OpenAiLlmClient } from './infrastructure/openai/openai-llm-client';
import { RedisGenerationEvents } from './infrastructure/redis/redis-generation-events';
import { TiktokenTokenCounter } from './infrastructure/tiktoken/tiktoken-token-counter';

const useCases = [
  EstimateGenerationTokensUseCase,
  StreamChatCompletionUseCase,
  PublishGenerationEventUseCase,
  WatchGenerationUseCase,
];

/**
 * The gateway to language models: the OpenAI client and its error mapping, token counting, and the
 * live-event channel (Redis pub/sub) that streams text to watchers. It imports no other context;
 * the workflow that uses it (generation) belongs to the content context.
 */
@Module({
  providers: [
    { provide: LlmClient, useClass: OpenAiLlmClient },
    { provide: TokenCounter, useClass: TiktokenTokenCounter },
    { provide: GenerationEvents, useClass: RedisGenerationEvents },
    ...useCases,
  ],
  exports: useCases,
})
export class AiModule {}
