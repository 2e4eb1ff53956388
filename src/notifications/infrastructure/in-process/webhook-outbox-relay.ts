import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { errorSummary } from '#libs/logging';
import { RelayWebhookOutboxUseCase } from '../../application/webhooks/relay-webhook-outbox.use-case';
import { WebhookOutboxSignal } from '../typeorm/typeorm-webhook-outbox';

/** Events claimed at once; a full batch is followed by the next one straight away. */
export const OUTBOX_BATCH_SIZE = 100;
/**
 * How long claimed events are one relay's: far longer than queueing a batch takes (each Redis
 * command is bounded by REDIS_COMMAND_TIMEOUT_MS). Only a relay that died holding events makes
 * anyone wait for it; their deliveries then leave this much later, once.
 */
export const OUTBOX_LEASE_MS = 30_000;

/**
 * Runs the outbox relay in worker processes (APP_ROLE=worker or all): right after this process
 * commits an event (WebhookOutboxSignal), and every WEBHOOK_OUTBOX_POLL_MS for events that other
 * processes committed (API-only ones) or that a failed round left. One round at a time per process;
 * a signal during a round makes it go round once more. Any number of processes may run it.
 */
@Injectable()
export class WebhookOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookOutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;
  private round?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly relay: RelayWebhookOutboxUseCase,
    private readonly signal: WebhookOutboxSignal,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopListening = this.signal.listen(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.webhooks.outboxPollMs);
    this.timer.unref();
    this.kick();
  }

  /** Relays what is waiting now, or once more after the round under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.drain().finally(() => (this.round = undefined));
  }

  /** Resolves once the round under way (if any) has ended: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.round) await this.round;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopListening?.();
    await this.idle();
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        let relayed: number;
        do {
          relayed = await this.relay.execute({ batchSize: OUTBOX_BATCH_SIZE, leaseMs: OUTBOX_LEASE_MS });
        } while (relayed === OUTBOX_BATCH_SIZE && !this.stopped);
        if (this.failing) this.logger.log('Webhook outbox relayed again');
        this.failing = false;
      } catch (error) {
        // Logged once per outage; the next poll tries again, and nothing waiting is lost.
        if (!this.failing) this.logger.error({ err: errorSummary(error) }, 'Could not relay the webhook outbox');
        this.failing = true;
        return;
      }
    } while (this.again && !this.stopped);
  }
}
