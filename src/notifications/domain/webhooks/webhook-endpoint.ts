import type { WebhookEventType } from './webhook-events';

/** A URL of an organization that receives the events it subscribed to. */
export interface WebhookEndpoint {
  id: string;
  organizationId: string;
  url: string;
  events: WebhookEventType[];
  /** `whsec_<base64>`: the Standard Webhooks signing secret. Shown once, when the endpoint is created. */
  secret: string;
  createdBy: string;
  createdAt: Date;
  /** Since when every delivery has failed; null after a success. */
  failingSince: Date | null;
  /** Set when the endpoint was switched off for failing too long; it then receives nothing. */
  disabledAt: Date | null;
}

/** An endpoint failing for `disableAfterMs` (a day by default) is switched off. */
export function shouldDisable(
  endpoint: Pick<WebhookEndpoint, 'failingSince' | 'disabledAt'>,
  now: Date,
  disableAfterMs: number,
): boolean {
  return (
    endpoint.disabledAt === null &&
    endpoint.failingSince !== null &&
    now.getTime() - endpoint.failingSince.getTime() >= disableAfterMs
  );
}

/** Exponential: base, 2×base, 4×base… (30 s … 32 min for 8 attempts: about an hour in all). */
export function webhookRetryDelay(attemptsMade: number, baseDelayMs: number): number {
  return baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
}
