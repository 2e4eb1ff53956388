import type { Counter, Histogram, Registry } from 'prom-client';
import { counterIn, histogramIn } from '#libs/metrics';
import { GENERATION_FAILURE_CODES, type GenerationFailureCode } from '../../../ai';

/**
 * The generation workflow's instruments: generations started (queued: POST /generate answered 202,
 * counted by the process that queued it), completed and finally failed (counted by the worker that
 * ran the job, or by the recovery of lost jobs), failed attempts, and how long a completed one took
 * from being queued. Failures are labelled by their code (`rate_limited`, `worker_lost` …), a
 * closed set, each counted from 0 so that a rule over `increase()` sees the first failure too.
 */
export class GenerationMetrics {
  private readonly started: Counter;
  private readonly completed: Counter;
  private readonly failed: Counter<'code'>;
  private readonly attemptsFailed: Counter<'code' | 'final'>;
  private readonly duration: Histogram;

  constructor(registry: Registry) {
    this.started = counterIn(registry, {
      name: 'generations_started_total',
      help: 'Generations started: queued for a worker (POST /contents/:id/generate answered 202)',
    });
    this.completed = counterIn(registry, {
      name: 'generations_completed_total',
      help: 'Generations that completed: their text recorded as a new version (content in REVIEW)',
    });
    this.failed = counterIn(registry, {
      name: 'generations_failed_total',
      help: 'Generations that finally failed (no attempt follows), by failure code',
      labelNames: ['code'],
    });
    for (const code of GENERATION_FAILURE_CODES) this.failed.inc({ code }, 0);
    this.attemptsFailed = counterIn(registry, {
      name: 'generation_attempts_failed_total',
      help: 'Failed generation attempts by failure code, and whether it was the last (final="true") or another follows',
      labelNames: ['code', 'final'],
    });
    this.duration = histogramIn(registry, {
      name: 'generation_duration_seconds',
      help: 'Time from queuing a generation to its completion (queue wait, retries and the model call)',
      buckets: [0.5, 1, 2, 3, 5, 8, 13, 20, 30, 45, 60, 90, 120, 180, 300, 600],
    });
  }

  startedOne(): void {
    this.started.inc();
  }

  completedOne(queuedAt: number, now: number): void {
    this.completed.inc();
    this.duration.observe(Math.max(0, now - queuedAt) / 1000);
  }

  attemptFailed(code: GenerationFailureCode, final: boolean): void {
    this.attemptsFailed.inc({ code, final: String(final) });
    if (final) this.failed.inc({ code });
  }

  /** Generations the recovery found lost and failed (`worker_lost`). */
  lost(count: number): void {
    if (count > 0) this.failed.inc({ code: 'worker_lost' }, count);
  }
}
