import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService, DiscoveryModule } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '#libs/config';
import { QueueModule } from '#libs/queue';
import { RedisModule } from '#libs/redis';
import {
  AiModule,
  EnqueueGenerationUseCase,
  EstimateGenerationTokensUseCase,
  type GenerationBridges,
} from '../../../src/ai';
import { GenerationOutcome } from '../../../src/ai/application/ports/generation-outcome';
import { GenerationSource } from '../../../src/ai/application/ports/generation-source';
import { WatchGenerationUseCase } from '../../../src/ai/application/use-cases/watch-generation.use-case';
import type { PublishedGenerationEvent } from '../../../src/ai/domain/generation-event';
import {
  InMemoryGenerationSource,
  makeGenerationRequest,
  RecordingGenerationOutcome,
} from '../../fakes/ai/in-memory-generation-ports';
import { isolatedRedisPrefix } from '../../support/auth-helpers';

/** How AiModule.forRole wires itself with and without the bridges to the content and usage contexts. */
describe('AiModule.forRole', () => {
  const request = makeGenerationRequest({
    status: 'REJECTED',
    lastError: { code: 'INVALID_REQUEST', message: 'too long' },
    inProgress: false,
  });
  const bridges = (): GenerationBridges => {
    const source = new InMemoryGenerationSource(request);
    return {
      providers: [
        { provide: GenerationSource, useValue: source },
        { provide: GenerationOutcome, useValue: new RecordingGenerationOutcome(source) },
      ],
    };
  };

  async function boot(role: 'api' | 'worker' | 'all', withBridges?: GenerationBridges): Promise<TestingModule> {
    const config = loadConfig({ ...process.env, APP_ROLE: role, REDIS_PREFIX: isolatedRedisPrefix() });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        RedisModule,
        QueueModule,
        DiscoveryModule,
        AiModule.forRole(config, withBridges),
      ],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  const generationWorkers = (moduleRef: TestingModule) =>
    moduleRef
      .get(DiscoveryService)
      .getProviders()
      .filter((wrapper) => wrapper.instance instanceof WorkerHost);

  it('boots without the bridges: no generation worker, but estimates and queuing work', async () => {
    // Explicitly empty: the default bridges (generationBridges) now import the content and usage contexts.
    const moduleRef = await boot('all', { providers: [] });
    try {
      expect(generationWorkers(moduleRef)).toEqual([]);
      await expect(
        moduleRef
          .get(EstimateGenerationTokensUseCase)
          .execute({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hello world' }], maxTokens: 100 }),
      ).resolves.toEqual({ promptTokens: 9, maxCompletionTokens: 100, worstCaseTokens: 109 });
      expect(moduleRef.get(EnqueueGenerationUseCase)).toBeDefined();
    } finally {
      await moduleRef.close();
    }
  });

  it('registers the generation worker once both bridges are provided, in worker processes only', async () => {
    const worker = await boot('worker', bridges());
    const api = await boot('api', bridges());
    try {
      const [processor] = generationWorkers(worker);
      expect(processor).toBeDefined();
      const bull = (processor?.instance as WorkerHost).worker;
      expect(bull.name).toBe('ai-generation');
      expect(bull.concurrency).toBe(4);
      expect(bull.opts).toMatchObject({ limiter: { max: 300, duration: 60_000 }, maxStalledCount: 1 });
      expect(typeof bull.opts.settings?.backoffStrategy).toBe('function');
      expect(generationWorkers(api)).toEqual([]);
    } finally {
      await worker.close();
      await api.close();
    }
  });

  it('gives the SSE use case the GenerationSource when the bridges provide it', async () => {
    const moduleRef = await boot('api', bridges());
    try {
      const seen: PublishedGenerationEvent[] = [];
      const subscription = await moduleRef
        .get(WatchGenerationUseCase)
        .execute(request.contentId, (event) => seen.push(event));
      await subscription.close();
      expect(seen).toEqual([
        { type: 'status', status: 'REJECTED', lastError: { code: 'INVALID_REQUEST', message: 'too long' } },
      ]);
    } finally {
      await moduleRef.close();
    }
  });
});
