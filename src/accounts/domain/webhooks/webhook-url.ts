import { WebhookUrlInvalidError } from './webhook.errors';

/** http(s), a host, no user or password, at most 2 000 characters. */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > 2000) throw new WebhookUrlInvalidError('The URL is longer than 2 000 characters');
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
  return url;
}
