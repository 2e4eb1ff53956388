const TIMEOUT_MS = 10_000;
const TRANSIENT = new Set([409, 429, 500, 502, 503, 504]);
/** Bad key, no credit, missing template, a method the account may not use: no retry will help. */
const CONFIGURATION = new Set([401, 403, 418, 424, 426]);

interface KavenegarReply {
  return?: { status?: number; message?: string };
}

/** A call Kavenegar did not accept; `transient` ones are worth retrying, `configuration` ones need a person. */
export class KavenegarError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly configuration: boolean,
    readonly providerStatus?: number,
  ) {
    super(message);
    this.name = 'KavenegarError';
  }
}

export interface KavenegarAccount {
  apiKey: string;
  baseUrl: string;
}

/**
 * POSTs one Kavenegar REST method (`verify/lookup`, `sms/send`) and resolves when it answers 200.
 * The API key sits in the URL path, so the URL must never be logged, and neither is it here.
 */
export async function callKavenegar(
  account: KavenegarAccount,
  method: 'verify/lookup' | 'sms/send',
  params: Record<string, string>,
): Promise<void> {
  const url = `${account.baseUrl.replace(/\/+$/, '')}/v1/${encodeURIComponent(account.apiKey)}/${method}.json`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS} ms` : 'network error';
    throw new KavenegarError(`Kavenegar unreachable: ${reason}`, true, false);
  }
  const reply = (await response.json().catch(() => ({}))) as KavenegarReply;
  const status = reply.return?.status ?? response.status;
  if (response.ok && status === 200) return;
  const message = `Kavenegar answered ${status}${reply.return?.message ? ` (${reply.return.message})` : ''}`;
  const configuration = CONFIGURATION.has(status);
  throw new KavenegarError(message, !configuration && (TRANSIENT.has(status) || status >= 500), configuration, status);
}
