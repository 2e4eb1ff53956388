import type { PublicFailure } from '../../domain/generation.errors';
import type { ChatMessage } from './llm-client';

/** Everything needed to generate one content, as the content context sees it now. */
export interface GenerationRequest {
  contentId: string;
  organizationId: string;
  /** The content's status now (`DRAFT`, `IN_PROGRESS`, `REVIEW`…): shown to watchers as is. */
  status: string;
  /** The content's `lastError` (`{code, message}`), if any. */
  lastError: PublicFailure | null;
  /** True while the content waits for a generation (status IN_PROGRESS). */
  inProgress: boolean;
  /**
   * The job the content waits for, when the content context records it. A job with another id is
   * stale (an old run re-delivered) and does nothing. `null`/absent: any job may run while `inProgress`.
   */
  jobId?: string | null;
  /** The model to call (the content's, else the deployment's default). */
  model: string;
  /** The prompt, templates already rendered: usually one system and one user message. */
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
}

/**
 * Reads the generation request of a content. Implemented by the lead over the content context's
 * exported `GetGenerationRequestUseCase` (see infrastructure/bridges). Not tenant-scoped on
 * purpose: it is called by the worker (no caller) and by the SSE endpoint after the access guard
 * has already checked the caller against the content's organization.
 */
export abstract class GenerationSource {
  /** `undefined` when the content does not exist (any more). Must not throw for a missing content. */
  abstract load(contentId: string): Promise<GenerationRequest | undefined>;
}
