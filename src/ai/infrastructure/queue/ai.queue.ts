import type { JobsOptions } from 'bullmq';

/** Queues of the ai context: names, job names and payloads, declared once. */
export const AI_GENERATION_QUEUE = 'ai-generation';
export const GENERATE_CONTENT_JOB = 'generate-content';

export interface GenerateContentPayload {
  contentId: string;
  organizationId: string;
  /** The usage reservation to settle or release; null when none was made. */
  reservationId: string | null;
  /** The user who asked for the generation. */
  requestedBy: string;
}

/** Custom backoff (see generation-retry.ts): honours the provider's retry-after, else exponential. */
export const GENERATION_ATTEMPTS = 5;

export const GENERATION_JOB_OPTIONS = {
  attempts: GENERATION_ATTEMPTS,
  backoff: { type: 'custom' },
  removeOnComplete: { age: 86_400, count: 1000 },
  removeOnFail: { age: 7 * 86_400 },
} as const satisfies JobsOptions;

/** Periodic work of the ai context (a job scheduler: once per interval across all workers). */
export const AI_MAINTENANCE_QUEUE = 'ai-maintenance';
export const RECOVER_LOST_GENERATIONS_JOB = 'recover-lost-generations';
