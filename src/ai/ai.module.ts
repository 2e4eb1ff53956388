import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Clock, SystemClock } from '#libs/ddd';
import { CompletedCalls } from './application/ports/completed-calls';
import { GenerationAnswers } from './application/ports/generation-answers';
import { GenerationEvents } from './application/ports/generation-events';
import { GenerationQueue } from './application/ports/generation-queue';
import { LlmClient } from './application/ports/llm-client';
import { GenerationTransactions } from './application/ports/generation-transactions';
import { TokenCounter } from './application/ports/token-counter';
import { EnqueueGenerationUseCase } from './application/use-cases/enqueue-generation.use-case';
import { EstimateGenerationTokensUseCase } from './application/use-cases/estimate-generation-tokens.use-case';
import { FailGenerationUseCase } from './application/use-cases/fail-generation.use-case';
import { GenerateContentUseCase } from './application/use-cases/generate-content.use-case';
import { RecoverLostGenerationsUseCase } from './application/use-cases/recover-lost-generations.use-case';
import { RequestGenerationUseCase } from './application/use-cases/request-generation.use-case';
import { WatchGenerationUseCase } from './application/use-cases/watch-generation.use-case';
import {
  canGenerate,
  canRecover,
  generationBridges,
  type GenerationBridges,
} from './infrastructure/bridges/generation-bridges';
import { TypeOrmGenerationTransactions } from './infrastructure/persistence/typeorm-generation-transactions';
import { OpenAiLlmClient } from './infrastructure/openai/openai-llm-client';
import { AI_GENERATION_QUEUE, AI_MAINTENANCE_QUEUE } from './infrastructure/queue/ai.queue';
import { BullMqGenerationQueue } from './infrastructure/queue/bullmq-generation.queue';
import { generationProcessorFor } from './infrastructure/queue/generation.processor';
import { GenerationRecoveryProcessor } from './infrastructure/queue/generation-recovery.processor';
import { RedisCompletedCalls } from './infrastructure/redis/redis-completed-calls';
import { RedisGenerationAnswers } from './infrastructure/redis/redis-generation-answers';
import { RedisGenerationEvents } from './infrastructure/redis/redis-generation-events';
import { TiktokenTokenCounter } from './infrastructure/tiktoken/tiktoken-token-counter';
import { GenerationEventsController } from './presentation/http/generation-events.controller';
import { GenerationController } from './presentation/http/generation.controller';
import { SseStreams } from './presentation/http/sse-stream';

const ports: Provider[] = [
  { provide: TokenCounter, useClass: TiktokenTokenCounter },
  { provide: GenerationEvents, useClass: RedisGenerationEvents },
  { provide: GenerationQueue, useClass: BullMqGenerationQueue },
];

/**
 * The generate endpoint needs the content and usage use cases themselves, which the real bridges
 * import (ContentModule, UsageModule); bridges of a test that bring only the two ports leave it out.
 */
function canRequest(bridges: GenerationBridges): boolean {
  return canGenerate(bridges) && (bridges.imports?.length ?? 0) > 0;
}

function requesting(): Provider[] {
  return [
    { provide: GenerationTransactions, useClass: TypeOrmGenerationTransactions },
    { provide: GenerationAnswers, useClass: RedisGenerationAnswers },
    RequestGenerationUseCase,
  ];
}

/** What runs generations; registered only in worker processes, and only once both bridges exist. */
function generation(config: AppConfig): Provider[] {
  return [
    { provide: LlmClient, useClass: OpenAiLlmClient },
    { provide: CompletedCalls, useClass: RedisCompletedCalls },
    GenerateContentUseCase,
    FailGenerationUseCase,
    generationProcessorFor(config),
  ];
}

/** Returns contents whose job was lost to the state they left (see RecoverLostGenerationsUseCase). */
function recovery(): Provider[] {
  return [{ provide: Clock, useClass: SystemClock }, RecoverLostGenerationsUseCase, GenerationRecoveryProcessor];
}

/**
 * The `ai` context: calls OpenAI in the background (`ai-generation` queue), streams the text to
 * watchers (`GET /contents/:id/events`), and estimates tokens for usage reservations.
 * `bridges` provide GenerationSource and GenerationOutcome (see infrastructure/bridges).
 */
@Module({})
export class AiModule {
  static forRole(config: AppConfig, bridges: GenerationBridges = generationBridges(config)): DynamicModule {
    return {
      module: AiModule,
      imports: [
        BullModule.registerQueue({ name: AI_GENERATION_QUEUE }, { name: AI_MAINTENANCE_QUEUE }),
        ...(bridges.imports ?? []),
      ],
      controllers: config.runsHttp
        ? [GenerationEventsController, ...(canRequest(bridges) ? [GenerationController] : [])]
        : [],
      providers: [
        ...ports,
        ...bridges.providers,
        EstimateGenerationTokensUseCase,
        EnqueueGenerationUseCase,
        ...(config.runsHttp ? [WatchGenerationUseCase, SseStreams] : []),
        ...(config.runsHttp && canRequest(bridges) ? requesting() : []),
        ...(config.runsWorkers && canGenerate(bridges) ? generation(config) : []),
        ...(config.runsWorkers && canRecover(bridges) ? recovery() : []),
      ],
      exports: [EstimateGenerationTokensUseCase, EnqueueGenerationUseCase],
    };
  }
}
