import type { Provider } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { GenerationRecoveryProcessor } from './infrastructure/bullmq/generation-recovery.processor';
import { generationProcessorFor } from './infrastructure/bullmq/generation.processor';
import { ReviewOverdueProcessor } from './infrastructure/bullmq/review-overdue.processor';

/** The content context's queue processors, for the roots that run workers. */
export function contentWorkers(config: AppConfig): Provider[] {
  return [generationProcessorFor(config), GenerationRecoveryProcessor, ReviewOverdueProcessor];
}
