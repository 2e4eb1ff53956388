import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError, NotFoundError, type Actor } from '#libs/ddd';
import { errorSummary } from '#libs/logging';
import { EstimateGenerationTokensUseCase, PublishGenerationEventUseCase } from '../../../../ai';
import { ReleaseGenerationBudgetUseCase, ReserveGenerationBudgetUseCase } from '../../../../usage';
import { ContentBusyError } from '../../../domain/content.errors';
import { ContentPolicyRepository } from '../../ports/content-policy.repository';
import { ContentRepository } from '../../ports/content.repository';
import { GenerationAnswers, type RequestedGeneration } from '../../ports/generation-answers';
import { GenerationQueue } from '../../ports/generation-queue';

export interface RequestGenerationInput {
  contentId: string;
  organizationId: string;
  /** The client's `Idempotency-Key`: a repeat gets the first answer. */
  idempotencyKey?: string;
}

export type { RequestedGeneration };

/** How long a repeat waits for the first request with its key to answer. */
const PENDING_WAIT_MS = 5_000;
const PENDING_POLL_MS = 100;
/** What a client is told to wait when the queue did not answer. */
const QUEUE_RETRY_AFTER_SECONDS = 5;

/** 503: the generation could not be queued; nothing was changed and nothing stays reserved. */
export class GenerationQueueUnavailableError extends DomainError {
  constructor() {
    super(
      'SERVICE_UNAVAILABLE',
      'unavailable',
      'The generation queue did not answer; nothing was started. Try again shortly.',
      {},
      QUEUE_RETRY_AFTER_SECONDS,
    );
  }
}

/**
 * `POST /contents/:id/generate`, all or nothing, with no transaction held across round trips and no
 * Redis call while a row is locked:
 * 1. the content and the organization's policy are read at once; the content starts the generation
 *    for a new job or refuses (409 CONTENT_BUSY / CONTENT_INVALID_TRANSITION, 422
 *    PROMPT_CONTAINS_PII, 400 MODEL_NOT_ALLOWED outside the policy's allow-list), written over that read only if nobody changed the row meanwhile;
 * 2. the worst case of its prompt is reserved against the usage limits, under the job's id
 *    (a worst case above the policy's ceiling is refused first, 402 GENERATION_COST_CEILING);
 *    refused (402 USAGE_LIMIT_EXCEEDED), the start is taken back;
 * 3. the job is queued. Should the queue not answer, the start is taken back and the reservation
 *    released (503 SERVICE_UNAVAILABLE); a job that reached the queue anyway finds its content no
 *    longer waiting for it and its reservation gone, and does nothing.
 * Starting first means the row is read once here (besides the access guard's owner lookup), and
 * of two requests for one content the second is refused before it reserves anything.
 */
@Injectable()
export class RequestGenerationUseCase {
  private readonly logger = new Logger(RequestGenerationUseCase.name);

  constructor(
    private readonly contents: ContentRepository,
    private readonly policies: ContentPolicyRepository,
    private readonly estimateTokens: EstimateGenerationTokensUseCase,
    private readonly reserveBudget: ReserveGenerationBudgetUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
    private readonly queue: GenerationQueue,
    private readonly answers: GenerationAnswers,
    private readonly publish: PublishGenerationEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RequestGenerationInput): Promise<RequestedGeneration> {
    const key = input.idempotencyKey;
    if (!key) return this.request(actor, input);

    const claim = await this.answers.claim(input.organizationId, key);
    if (!claim.claimed)
      return claim.answer ?? (await this.awaitFirstAnswer(input.organizationId, key, input.contentId));
    let answer: RequestedGeneration;
    try {
      answer = await this.request(actor, input);
    } catch (error) {
      await this.answers
        .forget(input.organizationId, key)
        .catch((err: unknown) => this.logger.warn({ err: errorSummary(err) }, 'Could not free an idempotency key'));
      throw error;
    }
    await this.answers.store(input.organizationId, key, answer);
    return answer;
  }

  private async request(actor: Actor, input: RequestGenerationInput): Promise<RequestedGeneration> {
    const { contentId, organizationId } = input;
    // Two independent reads at once; the content read here is the one the start is written over.
    const [policy, content] = await Promise.all([
      this.policies.find(organizationId),
      this.contents.findByIdInOrganization(organizationId, contentId),
    ]);
    if (!content) throw new NotFoundError('Content');
    const jobId = randomUUID();
    const started = await this.contents.update(
      organizationId,
      contentId,
      (c) => c.startGeneration(jobId, this.clock.now(), policy),
      content,
    );
    if (!started) throw new NotFoundError('Content');

    const prompt = started.generationPrompt();
    try {
      const estimate = await this.estimateTokens.execute({
        model: prompt.model,
        messages: prompt.messages,
        maxTokens: prompt.maxTokens,
      });
      // The job and its reservation share one id: whoever holds the job can end the reservation.
      await this.reserveBudget.execute({
        reservationId: jobId,
        organizationId,
        userId: actor.userId,
        projectId: started.projectId,
        maxCostPerGeneration: policy.maxCostPerGenerationUsd,
        model: prompt.model,
        promptTokens: estimate.promptTokens,
        maxTokens: estimate.maxCompletionTokens,
      });
    } catch (error) {
      await this.takeBack(organizationId, contentId, jobId);
      throw error;
    }

    try {
      await this.queue.enqueue(jobId, { contentId, organizationId, reservationId: jobId, requestedBy: actor.userId });
    } catch (error) {
      this.logger.warn({ contentId, jobId, err: errorSummary(error) }, 'Could not queue a generation; taking it back');
      await this.takeBack(organizationId, contentId, jobId);
      await this.release(jobId);
      throw new GenerationQueueUnavailableError();
    }
    // Watchers hear of it at once; the answer does not wait for a best-effort event.
    void this.publish.execute(contentId, { type: 'status', status: 'IN_PROGRESS', lastError: null, jobId });
    return { contentId, jobId, status: 'IN_PROGRESS' };
  }

  /** Undoes a committed start that cannot go on: the content as it was before, without a lastError. */
  private async takeBack(organizationId: string, contentId: string, jobId: string): Promise<void> {
    try {
      await this.contents.update(organizationId, contentId, (c) => {
        if (!c.isRunningJob(jobId)) return false;
        c.abandonGeneration(jobId, this.clock.now());
      });
    } catch (error) {
      // The recovery job returns the content once its grace has passed (the job is gone).
      this.logger.error({ contentId, jobId, err: errorSummary(error) }, 'Could not take back a generation start');
    }
  }

  private async release(reservationId: string): Promise<void> {
    await this.releaseBudget
      .execute(reservationId)
      .catch((err: unknown) =>
        this.logger.error({ reservationId, err: errorSummary(err) }, 'Could not release a usage reservation'),
      );
  }

  private async awaitFirstAnswer(organizationId: string, key: string, contentId: string): Promise<RequestedGeneration> {
    for (let waited = 0; waited < PENDING_WAIT_MS; waited += PENDING_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
      const claim = await this.answers.claim(organizationId, key);
      if (!claim.claimed && claim.answer) return claim.answer;
      if (claim.claimed) {
        // The first request failed and freed the key: this one is not a repeat of an answer.
        await this.answers.forget(organizationId, key);
        break;
      }
    }
    throw new ContentBusyError(
      { contentId },
      'A request with this Idempotency-Key is still being processed; try again shortly',
    );
  }
}
