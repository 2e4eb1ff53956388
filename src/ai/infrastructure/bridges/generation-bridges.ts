import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { ContentModule } from '../../../content';
import { UsageModule } from '../../../usage';
import { GenerationOutcome } from '../../application/ports/generation-outcome';
import { GenerationSource } from '../../application/ports/generation-source';
import { RunningGenerations } from '../../application/ports/running-generations';
import { ContentGenerationSource } from './content-generation-source';
import { ContentRunningGenerations } from './content-running-generations';
import { ContentUsageGenerationOutcome } from './content-usage-generation-outcome';

/**
 * The adapters of the ports that the ai context needs from other contexts:
 *
 * - `GenerationSource`  — over the content context's exported `GetGenerationRequestUseCase`;
 * - `GenerationOutcome` — over the usage context (settle / release the reservation, one usage
 *   record per `responseId`) and the content context (complete / fail the generation);
 * - `RunningGenerations` — over the content context's `ListRunningGenerationsUseCase`, for the
 *   recovery of generations whose job was lost (optional: without it no recovery runs).
 *
 * Until both are provided the `ai-generation` worker is not registered (jobs wait in the queue),
 * the SSE endpoint works without its first `status` event, and the app boots as before.
 * Fill `imports` with the modules that export those use cases (`ContentModule.forRole(config)`,
 * `UsageModule.forRole(config)`) and `providers` with
 * `{ provide: GenerationSource, useClass: ContentGenerationSource }` and
 * `{ provide: GenerationOutcome, useClass: ContentUsageGenerationOutcome }` (adapters written in
 * this folder). Neither content nor usage imports the ai context, so this makes no cycle; a test
 * can pass bridges of its own to `AiModule.forRole(config, bridges)`.
 */
export interface GenerationBridges {
  imports?: (Type | DynamicModule | Promise<DynamicModule> | ForwardReference)[];
  providers: Provider[];
}

export function generationBridges(config: AppConfig): GenerationBridges {
  return {
    // Both forRole functions are memoised per config: the same module objects as AppModule's, mounted once.
    imports: [ContentModule.forRole(config), UsageModule.forRole(config)],
    providers: [
      { provide: GenerationSource, useClass: ContentGenerationSource },
      { provide: GenerationOutcome, useClass: ContentUsageGenerationOutcome },
      { provide: RunningGenerations, useClass: ContentRunningGenerations },
    ],
  };
}

/** True when `providers` provides `token`. */
export function provides(providers: Provider[], token: unknown): boolean {
  return providers.some(
    (provider) =>
      provider === token || (typeof provider === 'object' && 'provide' in provider && provider.provide === token),
  );
}

/** The recovery of lost generations also needs to know which contents are running. */
export function canRecover(bridges: GenerationBridges): boolean {
  return canGenerate(bridges) && provides(bridges.providers, RunningGenerations);
}

/** Both ports present: the worker can run generations. */
export function canGenerate(bridges: GenerationBridges): boolean {
  return provides(bridges.providers, GenerationSource) && provides(bridges.providers, GenerationOutcome);
}
