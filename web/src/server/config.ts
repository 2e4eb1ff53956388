import 'server-only';

/** The API the dashboard's server talks to; checked when first used (scripts/start.mjs checks it before start). */
export function apiBaseUrl(): string {
  const raw = process.env.WEB_API_URL ?? 'http://127.0.0.1:3000';
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Invalid configuration: WEB_API_URL must be an http(s) URL (got "${raw}")`);
  return raw.replace(/\/+$/, '');
}
