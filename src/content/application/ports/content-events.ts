/** Something happened to a content that the organization's integrations may want to hear of. */
export interface ContentEvent {
  /** A stable id makes the event, announced again, a duplicate (delivered once); new when absent. */
  id?: string;
  organizationId: string;
  type:
    | 'content.generated'
    | 'content.generation_failed'
    | 'content.approved'
    | 'content.rejected'
    | 'content.review_overdue';
  /** Ids, title, status, version, model, usage, reason: never the body (it may hold personal data). */
  data: Record<string, unknown>;
}

/**
 * Tells the organization's webhooks. Called inside the unit of work that makes the change: the event
 * is written to the webhook outbox in that transaction, so it leaves if and only if the change
 * commits. A failure throws and rolls the change back with it.
 */
export abstract class ContentEvents {
  abstract publish(event: ContentEvent): Promise<void>;
}
