import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import {
  ContentBusyError,
  ContentInvalidTransitionError,
  GetGenerationRequestUseCase,
  StartGenerationUseCase,
} from '../../../content';
import { ReleaseGenerationBudgetUseCase, ReserveGenerationBudgetUseCase } from '../../../usage';
import { GenerationQueue } from '../ports/generation-queue';
import { GenerationAnswers, type RequestedGeneration } from '../ports/generation-answers';
import { GenerationTransactions } from '../ports/generation-transactions';
import { EnqueueGenerationUseCase } from './enqueue-generation.use-case';
import { EstimateGenerationTokensUseCase } from './estimate-generation-tokens.use-case';

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
/** The job is queued before the transaction commits: held until released after the commit, or this long at most. */
const HOLD_UNTIL_COMMIT_MS = 10_000;

/**
 * `POST /contents/:id/generate`, all or nothing: reserves the worst case against the usage limits
 * (402 USAGE_LIMIT_EXCEEDED), then in one transaction moves the content to IN_PROGRESS for a new
 * job (409 CONTENT_BUSY / CONTENT_INVALID_TRANSITION) and queues that job last. Anything failing
 * rolls the content back and releases the reservation.
 */
@Injectable()
export class RequestGenerationUseCase {
  private readonly logger = new Logger(RequestGenerationUseCase.name);

  constructor(
    private readonly getGenerationRequest: GetGenerationRequestUseCase,
    private readonly estimateTokens: EstimateGenerationTokensUseCase,
    private readonly startGeneration: StartGenerationUseCase,
    private readonly reserveBudget: ReserveGenerationBudgetUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
    private readonly enqueueGeneration: EnqueueGenerationUseCase,
    private readonly queue: GenerationQueue,
    private readonly transactions: GenerationTransactions,
    private readonly answers: GenerationAnswers,
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
        .catch((err: unknown) => this.logger.warn({ err }, 'Could not free an idempotency key'));
      throw error;
    }
    await this.answers.store(input.organizationId, key, answer);
    return answer;
  }

  private async request(actor: Actor, input: RequestGenerationInput): Promise<RequestedGeneration> {
    const request = await this.getGenerationRequest.execute(input.contentId, input.organizationId);
    // Refused before anything is reserved; StartGeneration checks again under the row lock.
    if (request.status === 'IN_PROGRESS')
      throw new ContentBusyError({ jobId: request.generationJobId, contentId: request.contentId });
    if (request.status === 'APPROVED') throw new ContentInvalidTransitionError(request.status, 'generated');

    const estimate = await this.estimateTokens.execute({
      model: request.model,
      messages: [{ role: 'user', content: request.prompt }],
      maxTokens: request.maxTokens,
    });
    // The reservation takes the job's id: should the job be lost, the recovery can still release it.
    const jobId = randomUUID();
    // The usage ledger cannot join the transaction: reserve first, release if anything after fails.
    const { reservationId } = await this.reserveBudget.execute({
      reservationId: jobId,
      organizationId: input.organizationId,
      userId: actor.userId,
      model: request.model,
      promptTokens: estimate.promptTokens,
      maxTokens: estimate.maxCompletionTokens,
    });

    let queued = false;
    try {
      await this.transactions.run(async (transaction) => {
        await this.startGeneration.execute(
          { contentId: input.contentId, organizationId: input.organizationId, jobId },
          transaction,
        );
        // Last: if queuing fails the content goes back; the row lock is held until commit.
        await this.enqueueGeneration.execute(
          {
            contentId: input.contentId,
            organizationId: input.organizationId,
            reservationId,
            requestedBy: actor.userId,
          },
          { jobId, holdMs: HOLD_UNTIL_COMMIT_MS },
        );
        queued = true;
      });
    } catch (error) {
      if (queued)
        await this.queue
          .discard(jobId)
          .catch((err: unknown) => this.logger.warn({ err, jobId }, 'Could not discard a held generation job'));
      await this.releaseBudget
        .execute(reservationId)
        .catch((err: unknown) => this.logger.error({ err, reservationId }, 'Could not release a usage reservation'));
      throw error;
    }
    // Committed: the job may run now (else it runs once its hold ends).
    await this.queue
      .release(jobId)
      .catch((err: unknown) =>
        this.logger.warn({ err, jobId }, 'Could not release a held generation job; it runs after its hold'),
      );
    return { contentId: input.contentId, jobId, status: 'IN_PROGRESS' };
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
