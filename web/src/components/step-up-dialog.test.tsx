import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceEnrolmentRequired, requestStepUp } from '@/lib/step-up';
import { StepUpDialog } from './step-up-dialog';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('StepUpDialog', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const typeCode = (code: string) => {
    fireEvent.change(screen.getByLabelText('کد برنامه احراز هویت'), { target: { value: code } });
    fireEvent.click(screen.getByRole('button', { name: 'تأیید و ادامه' }));
  };

  it('asks for the code, steps up through /bff/auth/step-up with it in Latin digits, and lets the action go on', async () => {
    render(<StepUpDialog />);
    fetchMock.mockResolvedValueOnce(json(200, { steppedUpAt: '2026-01-01T00:00:00.000Z', stepUpExpiresAt: '2026-01-01T00:10:00.000Z' }));

    const steppedUp = requestStepUp();
    expect(await screen.findByRole('dialog', { name: 'تأیید دومرحله‌ای' })).toBeTruthy();
    typeCode('۱۲۳ ۴۵۶');

    await expect(steppedUp).resolves.toBe(true);
    expect(fetchMock).toHaveBeenCalledExactlyOnceWith('/bff/auth/step-up', expect.objectContaining({ method: 'POST', body: JSON.stringify({ code: '123456' }) }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the dialog open with a Persian error for a wrong code, then takes the next one', async () => {
    render(<StepUpDialog />);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'TWO_FACTOR_CODE_INVALID', details: {} })).mockResolvedValueOnce(json(200, {}));

    const steppedUp = requestStepUp();
    await screen.findByRole('dialog');
    typeCode('000000');
    expect((await screen.findByRole('alert')).textContent).toContain('کد برنامه احراز هویت درست نیست');
    expect((screen.getByLabelText('کد برنامه احراز هویت') as HTMLInputElement).value).toBe('');
    typeCode('654321');

    await expect(steppedUp).resolves.toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('refuses a code that is not six digits without asking the server', async () => {
    render(<StepUpDialog />);
    void requestStepUp();
    await screen.findByRole('dialog');
    typeCode('12a4');

    expect(await screen.findByText('کد ۶ رقمی برنامه احراز هویت را وارد کنید.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('answers false when cancelled, so the action fails with its 403', async () => {
    render(<StepUpDialog />);
    const steppedUp = requestStepUp();
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'انصراف' }));

    await expect(steppedUp).resolves.toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('for an organization that requires an authenticator the admin has not set up, links to the security page', async () => {
    render(<StepUpDialog />);
    announceEnrolmentRequired();

    const dialog = await screen.findByRole('dialog', { name: 'ورود دومرحله‌ای لازم است' });
    expect(dialog.querySelector('a')?.getAttribute('href')).toBe('/settings/security');
  });
});
