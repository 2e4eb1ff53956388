import { Injectable } from '@nestjs/common';
import { CoalescedDeltas } from '../services/coalesced-deltas';
import { LlmClient, type LlmRequest, type LlmResult } from '../ports/llm-client';
import { PublishGenerationEventUseCase } from './publish-generation-event.use-case';

export interface StreamChatCompletionInput extends LlmRequest {
  /** Live watchers of this topic (a content id) receive the text as it comes, as coalesced `delta` events. */
  liveTopic?: string;
}

/**
 * One call of a chat model, streamed: the gateway every generation goes through. Failures are
 * `LlmError`s already classified as transient or permanent; this never retries (the caller's
 * queue owns retries).
 */
@Injectable()
export class StreamChatCompletionUseCase {
  constructor(
    private readonly llm: LlmClient,
    private readonly publish: PublishGenerationEventUseCase,
  ) {}

  async execute(input: StreamChatCompletionInput): Promise<LlmResult> {
    const { liveTopic, ...request } = input;
    if (!liveTopic) return this.llm.stream(request, () => undefined);
    const deltas = new CoalescedDeltas((text) => this.publish.execute(liveTopic, { type: 'delta', text }));
    try {
      const result = await this.llm.stream(request, (text) => deltas.add(text));
      // The last pieces are published now and not waited for: whatever the caller publishes next
      // still follows them (events keep the order of their calls), and the call's result need not
      // wait a round trip for a best-effort event (nor fail for one).
      deltas.flush().catch(() => undefined);
      return result;
    } finally {
      deltas.stop();
    }
  }
}
