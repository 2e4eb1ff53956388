import type { Counter, Histogram, Registry } from 'prom-client';
import { counterIn, histogramIn } from '#libs/metrics';

/** What one call to the model took, in `performance.now()` milliseconds. */
export interface CallTiming {
  startedAt: number;
  /** When the first piece of text arrived; undefined for an answer without text. */
  firstTextAt: number | undefined;
  endedAt: number;
}

/**
 * The model calls' instruments. `model` is the model the provider names in its answer (a dated
 * snapshot of the one asked for, say; the one asked for, which the price table admitted, when it
 * names none), or `unknown` for a call that failed before it named one: a client's spelling of a
 * model that fails never becomes a label value.
 */
export class LlmMetrics {
  private readonly requests: Counter<'model' | 'outcome'>;
  private readonly duration: Histogram<'model'>;
  private readonly firstText: Histogram<'model'>;
  private readonly speed: Histogram<'model'>;

  constructor(registry: Registry) {
    this.requests = counterIn(registry, {
      name: 'llm_requests_total',
      help: 'Calls to the language model by model and outcome: completed, or the failure code (rate_limited, timeout …)',
      labelNames: ['model', 'outcome'],
    });
    this.duration = histogramIn(registry, {
      name: 'llm_request_duration_seconds',
      help: 'Duration of completed language-model calls, request to the end of the answer, by model',
      labelNames: ['model'],
      buckets: [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 45, 60, 90, 120, 300],
    });
    this.firstText = histogramIn(registry, {
      name: 'llm_time_to_first_token_seconds',
      help: 'Time from the request to the first piece of text of completed language-model calls, by model',
      labelNames: ['model'],
      buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 60],
    });
    this.speed = histogramIn(registry, {
      name: 'llm_output_tokens_per_second',
      help: 'Completion tokens per second after the first token (completion tokens / (duration - time to first token)), by model',
      labelNames: ['model'],
      buckets: [5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000],
    });
  }

  completed(model: string, timing: CallTiming, completionTokens: number): void {
    this.requests.inc({ model, outcome: 'completed' });
    this.duration.observe({ model }, (timing.endedAt - timing.startedAt) / 1000);
    if (timing.firstTextAt === undefined) return;
    this.firstText.observe({ model }, (timing.firstTextAt - timing.startedAt) / 1000);
    const streamingMs = timing.endedAt - timing.firstTextAt;
    if (streamingMs > 0 && completionTokens > 0) this.speed.observe({ model }, completionTokens / (streamingMs / 1000));
  }

  failed(model: string | undefined, outcome: string): void {
    this.requests.inc({ model: model ?? 'unknown', outcome });
  }
}
