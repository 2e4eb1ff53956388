import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from './sign-in-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn() }), useSearchParams: () => new URLSearchParams() }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SignInForm', () => {
  it('shows the example phone inside a left-to-right isolate, described to the labelled field, which is left to right too', () => {
    render(<SignInForm />);
    const phone = screen.getByLabelText('شماره موبایل');
    expect(phone.getAttribute('dir')).toBe('ltr');
    expect(phone.getAttribute('placeholder')).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');

    const example = screen.getByText('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(example.tagName).toBe('BDI');
    expect(example.getAttribute('dir')).toBe('ltr');
    const hint = document.getElementById(phone.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('مثلاً ۰۹۱۲ ۳۴۵ ۶۷۸۹ — با هر نوع رقم');
    expect(hint?.contains(example)).toBe(true);
  });

  it('takes the phone in Persian digits, sends it in Latin ones, then shows it left to right above a left-to-right code field', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ ttl: 120, resendAfter: 60 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    render(<SignInForm />);

    fireEvent.change(screen.getByLabelText('شماره موبایل'), { target: { value: '۰۹۱۲ ۳۴۵ ۶۷۸۹' } });
    fireEvent.click(screen.getByRole('button', { name: 'دریافت کد' }));

    const code = await screen.findByLabelText('کد ۶ رقمی');
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ phone: '09123456789' });
    expect(code.getAttribute('dir')).toBe('ltr');
    expect(document.getElementById(code.getAttribute('aria-describedby') ?? '')?.textContent).toBe('کد پیامک‌شده را با هر نوع رقم وارد کنید.');
    const sentTo = screen.getByText('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(sentTo.tagName).toBe('BDI');
    expect(sentTo.getAttribute('dir')).toBe('ltr');
    await waitFor(() => expect(sentTo.parentElement?.textContent).toBe('کد به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیامک شد.'));
  });

  it('refuses a phone that is not an Iranian mobile, and a code that is not six digits, in Persian and without asking the API', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ ttl: 120, resendAfter: 60 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    render(<SignInForm />);
    const phone = screen.getByLabelText('شماره موبایل');

    fireEvent.change(phone, { target: { value: '۰۲۱ ۸۸۷۷ ۶۶۵۵' } });
    fireEvent.click(screen.getByRole('button', { name: 'دریافت کد' }));
    expect(screen.getByRole('alert').textContent).toBe('شماره موبایل معتبر نیست. یک شماره ایرانی مثل ۰۹۱۲۳۴۵۶۷۸۹ وارد کنید.');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(phone, { target: { value: '۰۹۱۲ ۳۴۵ ۶۷۸۹' } });
    fireEvent.click(screen.getByRole('button', { name: 'دریافت کد' }));
    const code = await screen.findByLabelText('کد ۶ رقمی');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(code, { target: { value: '۱۲۳۴۵' } });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));
    expect(screen.getByRole('alert').textContent).toBe('کد وارد شده درست نیست.');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.change(code, { target: { value: '۱۲۳ ۴۵۶' } });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({ phone: '09123456789', code: '123456' });
  });
});
