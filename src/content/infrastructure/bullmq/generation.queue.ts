import type { JobsOptions } from 'bullmq';
import type { GenerationJob } from '../../application/ports/generation-queue';

/** The generation queue: names, job names and payloads, declared once. */
export const GENERATION_QUEUE = 'ai-generation';
export const GENERATE_CONTENT_JOB = 'generate-content';

export type GenerateContentPayload = GenerationJob;

/** Custom backoff (see generation-retry.ts): honours the provider's retry-after, else exponential. */
export const GENERATION_ATTEMPTS = 5;

export const GENERATION_JOB_OPTIONS = {
  attempts: GENERATION_ATTEMPTS,
  backoff: { type: 'custom' },
  removeOnComplete: { age: 86_400, count: 1000 },
  removeOnFail: { age: 7 * 86_400 },
} as const satisfies JobsOptions;

/** Periodic work of the generation workflow (a job scheduler: once per interval across all workers). */
export const GENERATION_MAINTENANCE_QUEUE = 'ai-maintenance';
export const RECOVER_LOST_GENERATIONS_JOB = 'recover-lost-generations';
