import type { Page, PageRequest } from '#libs/ddd';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';

export abstract class WebhookEndpointRepository {
  abstract add(endpoint: WebhookEndpoint): Promise<void>;
  /** Newest first. */
  abstract listForOrganization(organizationId: string): Promise<WebhookEndpoint[]>;
  abstract findById(organizationId: string, id: string): Promise<WebhookEndpoint | undefined>;
  /** Across organizations: a delivery job carries only the endpoint id. */
  abstract findForDelivery(id: string): Promise<WebhookEndpoint | undefined>;
  abstract delete(organizationId: string, id: string): Promise<boolean>;
  /** Enabled endpoints of the organization subscribed to `type`. */
  abstract subscribedTo(organizationId: string, type: WebhookEventType): Promise<WebhookEndpoint[]>;
  abstract recordSuccess(id: string): Promise<void>;
  /** Sets failing_since unless already set; returns the endpoint as it is now. */
  abstract recordFailure(id: string, at: Date): Promise<WebhookEndpoint | undefined>;
  /** True when this call disabled it (it was enabled). */
  abstract disable(id: string, at: Date): Promise<boolean>;
}

/** One delivery attempt, as logged. */
export interface WebhookDeliveryAttempt {
  id: string;
  endpointId: string;
  organizationId: string;
  eventId: string;
  eventType: WebhookEventType;
  attempt: number;
  /** The HTTP status, or null when no response came (timeout, refused, forbidden target). */
  statusCode: number | null;
  success: boolean;
  durationMs: number;
  error: string | null;
  createdAt: Date;
}

export abstract class WebhookDeliveryLog {
  abstract record(attempt: WebhookDeliveryAttempt): Promise<void>;
  /** Newest first. */
  abstract listForEndpoint(endpointId: string, page: PageRequest): Promise<Page<WebhookDeliveryAttempt>>;
}

/** An event on its way to one endpoint: id, type, time and payload are fixed when it is published. */
export interface WebhookDelivery {
  endpointId: string;
  eventId: string;
  type: WebhookEventType;
  occurredAt: string;
  data: Record<string, unknown>;
}

export abstract class WebhookQueue {
  /** Idempotent per (eventId, endpointId): publishing the same event twice delivers it once. */
  abstract enqueue(deliveries: WebhookDelivery[]): Promise<void>;
}

/** An event on its way out: what it is, and the endpoints subscribed to it when it happened. */
export interface OutboxEvent {
  eventId: string;
  organizationId: string;
  type: WebhookEventType;
  occurredAt: string;
  data: Record<string, unknown>;
  endpointIds: string[];
}

/**
 * Webhook events committed with the changes that caused them (the transactional outbox). `add` writes
 * in the transaction around the call, so an event leaves if and only if its change commits; the relay
 * claims committed events, queues their deliveries and removes them.
 */
export abstract class WebhookOutbox {
  /** In the caller's transaction; an event id already waiting is not added twice. */
  abstract add(event: OutboxEvent): Promise<void>;
  /**
   * Takes up to `limit` waiting events, oldest first, that no other relay holds, for `leaseMs`: until
   * then no other relay takes them; a relay that dies holding them loses them to another once it ends.
   */
  abstract claim(limit: number, leaseMs: number): Promise<OutboxEvent[]>;
  /** The relay is done with these: their deliveries are queued. */
  abstract remove(eventIds: string[]): Promise<void>;
  /** Gives claimed events back at once (their deliveries could not be queued). */
  abstract release(eventIds: string[]): Promise<void>;
}

export interface WebhookResponse {
  /** null when no HTTP response came. */
  statusCode: number | null;
  durationMs: number;
  /** Short and free of secrets: "timeout", "target forbidden", "ECONNREFUSED"… */
  error: string | null;
}

/** POSTs one signed delivery, refusing private targets at connect time (unless allowed). */
export abstract class WebhookSender {
  abstract send(url: string, headers: Record<string, string>, body: string): Promise<WebhookResponse>;
}

/** Resolves a host name to all its addresses (an IP literal resolves to itself). */
export abstract class HostResolver {
  abstract resolve(host: string): Promise<string[]>;
}

export abstract class WebhookSecrets {
  abstract generate(): string;
}
