/** Something happened to a content that the organization's integrations may want to hear of. */
export interface ContentEvent {
  organizationId: string;
  type: 'content.generated' | 'content.generation_failed' | 'content.approved' | 'content.rejected';
  /** Ids, title, status, version, model, usage, reason: never the body (it may hold personal data). */
  data: Record<string, unknown>;
}

/**
 * Tells the organization's webhooks. Called after the change is committed; never throws (a failure
 * to announce must not undo or fail the change).
 */
export abstract class ContentEvents {
  abstract publish(event: ContentEvent): Promise<void>;
}
