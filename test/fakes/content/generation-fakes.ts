import { Money } from '#libs/ddd';
import { EstimateGenerationTokensUseCase } from '../../../src/ai/application/use-cases/estimate-generation-tokens.use-case';
import { PublishGenerationEventUseCase } from '../../../src/ai/application/use-cases/publish-generation-event.use-case';
import { StreamChatCompletionUseCase } from '../../../src/ai/application/use-cases/stream-chat-completion.use-case';
import { TokenCounter } from '../../../src/ai/application/ports/token-counter';
import { CompletedCalls, type CompletedCall } from '../../../src/content/application/ports/completed-calls';
import {
  GenerationAnswers,
  type AnswerClaim,
  type RequestedGeneration,
} from '../../../src/content/application/ports/generation-answers';
import {
  GenerationQueue,
  type GenerationJob,
  type QueuedGeneration,
} from '../../../src/content/application/ports/generation-queue';
import type {
  CheckReservationUseCase,
  ListHeldReservationsUseCase,
  ReleaseGenerationBudgetUseCase,
  ReserveGenerationBudgetUseCase,
  ResolveGenerationProviderUseCase,
  SettleGenerationUsageUseCase,
} from '../../../src/usage';
import { InMemoryGenerationEvents, ScriptedLlmClient, type LlmScriptStep } from '../ai/in-memory-generation-ports';

/** Fakes of what the generation workflow uses outside the content context, for use-case specs. */

export class InMemoryGenerationAnswers extends GenerationAnswers {
  readonly stored = new Map<string, RequestedGeneration | 'pending'>();

  claim(organizationId: string, key: string): Promise<AnswerClaim> {
    const current = this.stored.get(`${organizationId}:${key}`);
    if (current === undefined) {
      this.stored.set(`${organizationId}:${key}`, 'pending');
      return Promise.resolve({ claimed: true });
    }
    return Promise.resolve({ claimed: false, answer: current === 'pending' ? null : current });
  }

  store(organizationId: string, key: string, answer: RequestedGeneration): Promise<void> {
    this.stored.set(`${organizationId}:${key}`, answer);
    return Promise.resolve();
  }

  forget(organizationId: string, key: string): Promise<void> {
    if (this.stored.get(`${organizationId}:${key}`) === 'pending') this.stored.delete(`${organizationId}:${key}`);
    return Promise.resolve();
  }
}

export class InMemoryGenerationQueue extends GenerationQueue {
  readonly jobs = new Map<string, { job: GenerationJob; state: QueuedGeneration['state'] }>();
  failWith?: Error;

  enqueue(jobId: string, job: GenerationJob): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    if (!this.jobs.has(jobId)) this.jobs.set(jobId, { job, state: 'waiting' });
    return Promise.resolve();
  }

  inspect(jobId: string): Promise<QueuedGeneration> {
    const entry = this.jobs.get(jobId);
    return Promise.resolve(entry ? { state: entry.state, job: entry.job } : { state: 'gone' });
  }
}

export class InMemoryCompletedCalls extends CompletedCalls {
  readonly calls = new Map<string, CompletedCall>();

  remember(jobId: string, call: CompletedCall): Promise<void> {
    this.calls.set(jobId, call);
    return Promise.resolve();
  }

  recall(jobId: string): Promise<CompletedCall | undefined> {
    return Promise.resolve(this.calls.get(jobId));
  }
}

type Reservation = { organizationId: string; status: 'RESERVED' | 'SETTLED' | 'RELEASED'; createdAt: Date };

/**
 * The usage context's generation-budget use cases in memory: reservations by id, one record per call
 * key. `refuseWith` makes the next reservations fail (a 402, say).
 */
/** Every organization uses the deployment's provider. */
export const deploymentProvider = {
  execute: () => Promise.resolve({ kind: 'deployment' as const }),
} as unknown as ResolveGenerationProviderUseCase;

export class FakeBudget {
  readonly reservations = new Map<string, Reservation>();
  readonly records = new Map<string, { reservationId: string | null; model: string; usageEstimated: boolean }>();
  refuseWith?: Error;
  settleFailures = 0;

  readonly reserve = {
    execute: (input: { reservationId?: string; organizationId: string }) => {
      if (this.refuseWith) return Promise.reject(this.refuseWith);
      const reservationId = input.reservationId ?? `r-${this.reservations.size + 1}`;
      this.reservations.set(reservationId, {
        organizationId: input.organizationId,
        status: 'RESERVED',
        createdAt: new Date(0),
      });
      return Promise.resolve({
        reservationId,
        worstCaseTokens: 0,
        worstCaseCost: Money.fromMicros(0),
      });
    },
  } as unknown as ReserveGenerationBudgetUseCase;

  readonly check = {
    execute: (reservationId: string) =>
      Promise.resolve({ held: this.reservations.get(reservationId)?.status === 'RESERVED' }),
  } as unknown as CheckReservationUseCase;

  readonly settle = {
    execute: (input: { reservationId: string | null; callKey: string; model: string; usageEstimated?: boolean }) => {
      if (this.settleFailures > 0) {
        this.settleFailures -= 1;
        return Promise.reject(new Error('database unavailable'));
      }
      const recorded = !this.records.has(input.callKey);
      if (recorded)
        this.records.set(input.callKey, {
          reservationId: input.reservationId,
          model: input.model,
          usageEstimated: input.usageEstimated ?? false,
        });
      const reservation = input.reservationId ? this.reservations.get(input.reservationId) : undefined;
      if (reservation) reservation.status = 'SETTLED';
      return Promise.resolve({ recorded, cost: Money.fromMicros(420n), priceFallback: false, thresholdsCrossed: [] });
    },
  } as unknown as SettleGenerationUsageUseCase;

  readonly release = {
    execute: (reservationId: string) => {
      const reservation = this.reservations.get(reservationId);
      const released = reservation?.status === 'RESERVED';
      if (reservation && released) reservation.status = 'RELEASED';
      return Promise.resolve({ released });
    },
  } as unknown as ReleaseGenerationBudgetUseCase;

  readonly listHeld = {
    execute: ({ createdBefore, limit }: { createdBefore: Date; limit: number }) =>
      Promise.resolve(
        [...this.reservations.entries()]
          .filter(([, r]) => r.status === 'RESERVED' && r.createdAt < createdBefore)
          .slice(0, limit)
          .map(([reservationId, r]) => ({ reservationId, organizationId: r.organizationId, createdAt: r.createdAt })),
      ),
  } as unknown as ListHeldReservationsUseCase;

  statusOf(reservationId: string): Reservation['status'] | undefined {
    return this.reservations.get(reservationId)?.status;
  }
}

class FixedTokenCounter extends TokenCounter {
  countChat(): Promise<number> {
    return Promise.resolve(12);
  }

  countText(): Promise<number> {
    return Promise.resolve(3);
  }
}

/** The ai gateway's use cases over in-memory ports: a scripted model and in-memory live events. */
export function fakeAiGateway(script: LlmScriptStep[] = [{ pieces: ['سلام', ' دنیا'] }]) {
  const events = new InMemoryGenerationEvents();
  const llm = new ScriptedLlmClient(script);
  const publish = new PublishGenerationEventUseCase(events);
  return {
    events,
    llm,
    publish,
    stream: new StreamChatCompletionUseCase(llm, publish),
    estimate: new EstimateGenerationTokensUseCase(new FixedTokenCounter()),
  };
}
