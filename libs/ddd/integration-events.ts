/**
 * Something a context announces for the others to react to: a content approved, a usage threshold
 * crossed. `data` carries ids and facts, never texts that may hold personal data. A stable `id`
 * makes a re-announced event a duplicate.
 */
export interface IntegrationEvent {
  id?: string;
  type: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/**
 * Where contexts announce their events; they never call the context that reacts (notifications
 * subscribes, and fans each event out to webhooks, in-app notifications and SMS alerts). Call it
 * inside the unit of work that makes the change: what it writes commits or rolls back with it.
 */
export abstract class IntegrationEvents {
  abstract publish(event: IntegrationEvent): Promise<void>;
}
