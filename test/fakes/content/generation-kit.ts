import { makeContentIn } from '../../factories/content.factory';
import type { LlmScriptStep } from '../ai/in-memory-generation-ports';
import { FailGenerationUseCase } from '../../../src/content/application/use-cases/generation/fail-generation.use-case';
import { GenerateContentUseCase } from '../../../src/content/application/use-cases/generation/generate-content.use-case';
import { RecoverLostGenerationsUseCase } from '../../../src/content/application/use-cases/generation/recover-lost-generations.use-case';
import type { GenerationJob } from '../../../src/content/application/ports/generation-queue';
import type { ContentStatus } from '../../../src/content/domain/content-status';
import { contentPorts } from './content-ports';
import {
  deploymentProvider,
  FakeBudget,
  fakeAiGateway,
  InMemoryCompletedCalls,
  InMemoryGenerationQueue,
} from './generation-fakes';

/**
 * The worker side of the generation workflow over in-memory ports: a content IN_PROGRESS for
 * `job-running` with a held reservation of the same id, and the three use cases a job runs.
 */
export async function generationKit(script?: LlmScriptStep[], status: ContentStatus = 'IN_PROGRESS') {
  const ports = contentPorts();
  const budget = new FakeBudget();
  const calls = new InMemoryCompletedCalls();
  const queue = new InMemoryGenerationQueue();
  const ai = fakeAiGateway(script);
  const content = await ports.store(makeContentIn(status, { organizationId: ports.organizationId }));
  const jobId = 'job-running';
  await budget.reserve.execute({
    reservationId: jobId,
    organizationId: ports.organizationId,
    userId: ports.editor.actor.userId,
    model: 'gpt-4.1-mini',
    promptTokens: 10,
    maxTokens: 100,
  });
  const job: GenerationJob = {
    contentId: content.id,
    organizationId: ports.organizationId,
    reservationId: jobId,
    requestedBy: ports.editor.actor.userId,
  };
  const generate = new GenerateContentUseCase(
    ports.contents,
    calls,
    budget.check,
    ai.stream,
    budget.settle,
    budget.release,
    ports.events,
    ai.publish,
    ports.clock,
    ports.uow,
    deploymentProvider,
  );
  const fail = new FailGenerationUseCase(
    ports.contents,
    calls,
    budget.settle,
    budget.release,
    ports.events,
    ai.publish,
    ports.clock,
    ports.uow,
  );
  const recover = new RecoverLostGenerationsUseCase(
    ports.contents,
    queue,
    fail,
    budget.listHeld,
    budget.release,
    ports.clock,
  );
  const run = (attempt = 1, maxAttempts = 5, signal?: AbortSignal) =>
    generate.execute({ job, jobId, attempt, maxAttempts, signal });
  const stored = () => ports.contents.findByIdInOrganization(ports.organizationId, content.id);
  return { ports, budget, calls, queue, ai, content, jobId, job, generate, fail, recover, run, stored };
}
