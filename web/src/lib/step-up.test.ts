import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api';
import { requestStepUp, setStepUpHandler, withStepUp, type StepUpHandler } from './step-up';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const stepUpRequired = () => json(403, { statusCode: 403, code: 'STEP_UP_REQUIRED', message: 'Confirm it is you', details: { maxAgeSeconds: 600 }, requestId: 'r-1' });

describe('the step-up retry of api()', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const handler = vi.fn<StepUpHandler>();
  let removeHandler: () => void = () => undefined;

  beforeEach(() => {
    fetchMock.mockReset();
    handler.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    removeHandler = setStepUpHandler(handler);
  });

  afterEach(() => {
    removeHandler();
    vi.unstubAllGlobals();
  });

  it('asks for a step-up when a change answers 403 STEP_UP_REQUIRED, then sends the same request again, once', async () => {
    fetchMock.mockResolvedValueOnce(stepUpRequired()).mockResolvedValueOnce(json(201, { userId: 'u-2' }));
    handler.mockResolvedValue(true);

    await expect(api('organizations/o-1/members', { method: 'POST', body: { phone: '09121234567', role: 'EDITOR' } })).resolves.toEqual({ userId: 'u-2' });

    expect(handler).toHaveBeenCalledExactlyOnceWith('STEP_UP_REQUIRED');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    for (const [url, init] of fetchMock.mock.calls) {
      expect(url).toBe('/bff/api/organizations/o-1/members');
      expect(init?.method).toBe('POST');
      expect(init?.body).toBe(JSON.stringify({ phone: '09121234567', role: 'EDITOR' }));
      expect(new Headers(init?.headers).get('x-contexor-csrf')).toBe('1');
    }
  });

  it('does not send it again when the user cancels the dialog: the 403 is the answer', async () => {
    fetchMock.mockResolvedValueOnce(stepUpRequired());
    handler.mockResolvedValue(false);

    const error = await api('contents/c-1/approve', { method: 'POST', body: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('STEP_UP_REQUIRED');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('retries only once: a second STEP_UP_REQUIRED is final, with no second dialog', async () => {
    fetchMock.mockImplementation(async () => stepUpRequired());
    handler.mockResolvedValue(true);

    await expect(api('organizations/o-1/usage/limits', { method: 'PUT', body: {} })).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });

    expect(handler).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not retry reads, nor other refusals', async () => {
    fetchMock.mockResolvedValueOnce(stepUpRequired()).mockResolvedValueOnce(json(403, { code: 'FORBIDDEN' }));
    handler.mockResolvedValue(true);

    await expect(api('organizations/o-1')).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    await expect(api('webhooks/w-1', { method: 'DELETE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(handler).not.toHaveBeenCalled();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('announces TWO_FACTOR_ENROLMENT_REQUIRED (the dialog links to the security page) and fails the action', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { code: 'TWO_FACTOR_ENROLMENT_REQUIRED', details: {} }));
    handler.mockResolvedValue(false);

    await expect(api('organizations/o-1/two-factor', { method: 'PUT', body: { requireAdminTwoFactor: true } })).rejects.toMatchObject({ code: 'TWO_FACTOR_ENROLMENT_REQUIRED' });

    expect(handler).toHaveBeenCalledExactlyOnceWith('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shares one dialog between changes refused at the same time, and sends each again', async () => {
    let release: (steppedUp: boolean) => void = () => undefined;
    handler.mockImplementation(() => new Promise((resolve) => (release = resolve)));
    let attempts = 0;
    const send = async () => {
      attempts += 1;
      if (attempts <= 2) throw new ApiError(403, 'STEP_UP_REQUIRED', '', '');
      return attempts;
    };
    const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : undefined);

    const both = Promise.all([withStepUp(send, codeOf), withStepUp(send, codeOf)]);
    await vi.waitFor(() => expect(handler).toHaveBeenCalled());
    release(true);

    expect((await both).sort()).toEqual([3, 4]);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('a 401 for a wrong authenticator code is an error to show, not the end of the session', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, pathname: '/settings/security' });
    fetchMock.mockResolvedValueOnce(json(401, { code: 'TWO_FACTOR_CODE_INVALID' })).mockResolvedValueOnce(json(401, { code: 'UNAUTHENTICATED' }));

    await expect(api('me/two-factor/confirm', { method: 'POST', body: { code: '123456' } })).rejects.toMatchObject({ code: 'TWO_FACTOR_CODE_INVALID' });
    expect(assign).not.toHaveBeenCalled();
    await expect(api('me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(assign).toHaveBeenCalledWith('/sign-in?next=%2Fsettings%2Fsecurity');
  });

  it('without a dialog mounted, a step-up is refused rather than awaited forever', async () => {
    removeHandler();
    await expect(requestStepUp()).resolves.toBe(false);
  });
});
