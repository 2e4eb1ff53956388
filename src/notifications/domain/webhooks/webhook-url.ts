import { WebhookUrlInvalidError } from './webhook.errors';

const MAX_LENGTH = 2000;

/** http(s), a host, no user or password, at most 2 000 characters as stored (percent-encoded). */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > MAX_LENGTH) throw new WebhookUrlInvalidError('The URL is longer than 2 000 characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlInvalidError('The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new WebhookUrlInvalidError('Webhook URLs must use http or https');
  if (url.username || url.password)
    throw new WebhookUrlInvalidError('Webhook URLs must not carry a user name or password');
  if (!url.hostname) throw new WebhookUrlInvalidError('The URL has no host');
  // Non-ASCII text is stored percent-encoded: a Persian path can triple in length.
  if (url.toString().length > MAX_LENGTH)
    throw new WebhookUrlInvalidError('The URL is longer than 2 000 characters once percent-encoded');
  return url;
}
