import { fa } from '@/messages/fa';

/** What registering a webhook sends: where to, and which events. */
export type WebhookInput = { url: string; events: string[] };
export type WebhookProblems = Partial<Record<keyof WebhookInput, string>>;

/** An http(s) address the browser can parse, once trimmed. */
function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return Boolean(new URL(text).host);
  } catch {
    return false;
  }
}

/** Why the form cannot be sent, as the API would refuse it (it checks again, the address's target too); empty when it can go. */
export function webhookProblems(input: WebhookInput): WebhookProblems {
  const problems: WebhookProblems = {};
  if (!isHttpUrl(input.url.trim())) problems.url = fa.form.url;
  if (!input.events.length) problems.events = fa.form.pickEvent;
  return problems;
}
