import type { Logger } from '@nestjs/common';
import type { GenerationEvent } from '../../domain/generation-event';
import type { GenerationEvents } from '../ports/generation-events';
import type { GenerationJobRef } from '../ports/generation-outcome';

/** Live events are best effort: a watcher missing a word must never cost a retry (and a second OpenAI call). */
export async function publishBestEffort(
  events: GenerationEvents,
  logger: Logger,
  contentId: string,
  event: GenerationEvent,
): Promise<void> {
  try {
    await events.publish(contentId, event);
  } catch (error) {
    logger.warn({ contentId, event: event.type, err: errorSummary(error) }, 'Could not publish a generation event');
  }
}

export function jobRefOf(input: GenerationJobRef): GenerationJobRef {
  return {
    contentId: input.contentId,
    organizationId: input.organizationId,
    jobId: input.jobId,
    reservationId: input.reservationId,
    requestedBy: input.requestedBy,
  };
}

/** Name, code and the start of the message of an error, for logs. Adapters keep prompts and generated text out of messages. */
export function errorSummary(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error).slice(0, 200) };
  const code = (error as Error & { code?: unknown }).code;
  return { name: error.name, message: error.message.slice(0, 300), ...(typeof code === 'string' && { code }) };
}
