/**
 * Sensitive actions (approving, members, limits, webhooks, the content policy, an organization's
 * two-factor rule) answer 403 STEP_UP_REQUIRED unless the session proved its second factor in the
 * last 10 minutes. `api()` then asks the step-up dialog (mounted once by the dashboard's layout)
 * for a code and, once the session is stepped up, sends the request again, once.
 */

/** Where the user sets up (or removes) an authenticator app. */
export const SECURITY_PATH = '/settings/security';

export type StepUpReason = 'STEP_UP_REQUIRED' | 'TWO_FACTOR_ENROLMENT_REQUIRED';

/**
 * What the dialog does: for STEP_UP_REQUIRED, resolves true once the session is stepped up and
 * false when the user cancels; for TWO_FACTOR_ENROLMENT_REQUIRED it only tells the user (false).
 */
export type StepUpHandler = (reason: StepUpReason) => Promise<boolean>;

let handler: StepUpHandler | undefined;
let asking: Promise<boolean> | undefined;

/** Installs the dialog; returns the function that removes it. */
export function setStepUpHandler(next: StepUpHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = undefined;
  };
}

/**
 * Asks for a step-up: requests refused at the same time (several rows changed at once) share one
 * dialog and one code. False without a dialog (outside the dashboard's layout).
 */
export function requestStepUp(): Promise<boolean> {
  if (!handler) return Promise.resolve(false);
  asking ??= handler('STEP_UP_REQUIRED').finally(() => {
    asking = undefined;
  });
  return asking;
}

/** Tells the user that an organization requires an authenticator they have not set up yet. */
export function announceEnrolmentRequired(): void {
  void handler?.('TWO_FACTOR_ENROLMENT_REQUIRED');
}

/**
 * Runs `send`; when it fails with STEP_UP_REQUIRED and the user steps up, runs it once more, and
 * whatever that second attempt answers is final. TWO_FACTOR_ENROLMENT_REQUIRED is announced and
 * rethrown. `codeOf` reads the API's error code from what `send` threw.
 */
export async function withStepUp<T>(send: () => Promise<T>, codeOf: (error: unknown) => string | undefined): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const code = codeOf(error);
    if (code === 'STEP_UP_REQUIRED' && (await requestStepUp())) return send();
    if (code === 'TWO_FACTOR_ENROLMENT_REQUIRED') announceEnrolmentRequired();
    throw error;
  }
}

/** The answer of the dashboard's step-up route: when the step-up ends, or the API's error. */
export type StepUpResult = { ok: true; stepUpExpiresAt: string } | { ok: false; status: number; code: string; details: Record<string, unknown>; requestId: string };

/** Sends the authenticator code to /bff/auth/step-up, which swaps the session's access token. */
export async function stepUp(code: string): Promise<StepUpResult> {
  let response: Response;
  try {
    response = await fetch('/bff/auth/step-up', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  } catch {
    return { ok: false, status: 0, code: 'network', details: {}, requestId: '' };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, stepUpExpiresAt: String(body.stepUpExpiresAt ?? '') };
  return {
    ok: false,
    status: response.status,
    code: String(body.code ?? 'unknown'),
    details: (body.details as Record<string, unknown>) ?? {},
    requestId: String(body.requestId ?? response.headers.get('x-request-id') ?? ''),
  };
}
