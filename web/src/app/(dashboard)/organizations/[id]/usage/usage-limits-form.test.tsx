import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UsageLimits } from '@/lib/types';
import { fa } from '@/messages/fa';
import { UsageLimitsForm } from './usage-limits-form';

const amount = { tokens: 0, costUsd: '0' };
const limits = { monthlyTokenLimit: 5000, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null, calendar: 'jalali', period: { start: '2026-11-21T20:30:00.000Z', end: '2026-12-21T20:30:00.000Z' }, used: amount, reserved: amount } as UsageLimits;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<UsageLimitsForm organizationId="o-1" limits={limits} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });
}

describe('UsageLimitsForm', () => {
  it('shows the current limits, refuses a cost that is not an amount on its field, then saves limits typed in Persian digits (empty = unlimited)', async () => {
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })));
    vi.stubGlobal('fetch', fetchMock);
    renderForm();
    const tokens = screen.getByLabelText(fa.usage.tokenLimit) as HTMLInputElement;
    const cost = screen.getByLabelText(fa.usage.costLimit) as HTMLInputElement;
    expect(tokens.value).toBe('5000');
    expect((screen.getByLabelText(fa.usage.calendar) as HTMLSelectElement).value).toBe('jalali');

    fireEvent.change(cost, { target: { value: '۱۲٫۵۰۰۰۰۰۰' } });
    fireEvent.click(screen.getByRole('button', { name: fa.usage.editLimits }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cost.getAttribute('aria-describedby')!)?.textContent).toBe(fa.form.number);
    expect(tokens.getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(tokens, { target: { value: ' ۱۲۰۰۰ ' } });
    fireEvent.change(cost, { target: { value: '۱۲٫۵' } });
    fireEvent.change(screen.getByLabelText(fa.usage.calendar), { target: { value: 'gregorian' } });
    fireEvent.click(screen.getByRole('button', { name: fa.usage.editLimits }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toContain('organizations/o-1/usage/limits');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ monthlyTokenLimit: 12000, monthlyCostLimitUsd: '12.5', perUserMonthlyTokenLimit: null, calendar: 'gregorian' });
    expect(cost.getAttribute('aria-invalid')).toBeNull();
  });
});
