/** What an organization can subscribe a URL to. Names are stable: they are stored and sent. */
export const WEBHOOK_EVENTS = [
  'content.generated',
  'content.generation_failed',
  'content.approved',
  'content.rejected',
  // A content in REVIEW past its due date (reviewDueAt): once per due date.
  'content.review_overdue',
  'usage.threshold_reached',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(type);
}
