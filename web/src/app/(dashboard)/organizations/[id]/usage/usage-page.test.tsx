import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import { searchParamsOf, usageReportQuery } from '@/lib/report-query';
import type { Organization, UsageForecast, UsageLimits, UsageReport } from '@/lib/types';
import { UsagePage } from './usage-page';

const URL_QUERY = 'groupBy=model&from=2026-11-22&to=2026-12-07';
vi.mock('next/navigation', () => ({ usePathname: () => '/organizations/o-1/usage', useSearchParams: () => new URLSearchParams(URL_QUERY) }));

const amount = { tokens: 1_500, costUsd: '0.001500' };
const limits = { monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null, calendar: 'jalali', period: { start: '2026-11-21T20:30:00.000Z', end: '2026-12-21T20:30:00.000Z' }, used: amount, reserved: { tokens: 0, costUsd: '0' } } as UsageLimits;
const figures = { requests: 3, promptTokens: 1_000, cachedTokens: 0, completionTokens: 500, totalTokens: 1_500, costUsd: '0.001500', cachedPromptTokens: 0, reasoningTokens: 0 };
const report: UsageReport = { groups: [{ ...figures, key: 'gpt-4.1-mini' }], from: '2026-11-21T20:30:00.000Z', to: '2026-12-07T20:30:00.000Z', groupBy: 'model', calendar: 'jalali', totals: figures };
const forecast = { period: limits.period, used: amount, projected: amount, burnPerDay: amount, exhaustsAt: null, exhaustsLimit: null, limit: { monthlyTokenLimit: null, monthlyCostLimitUsd: null } } as UsageForecast;

describe('UsagePage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('renders from the entries the server filled, under the keys the server used for the same URL, without fetching', () => {
    // What page.tsx prefetches for this URL: its query comes from Next's searchParams record.
    const serverQuery = usageReportQuery(searchParamsOf({ groupBy: 'model', from: '2026-11-22', to: '2026-12-07' })).query;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(reads.organization('o-1').queryKey, { id: 'o-1', name: 'نشر آوا ACME', role: 'ADMIN' } as Organization);
    client.setQueryData(reads.limits('o-1').queryKey, limits);
    client.setQueryData(reads.usage('o-1', serverQuery).queryKey, report);
    client.setQueryData(reads.forecast('o-1').queryKey, forecast);

    render(
      <QueryClientProvider client={client}>
        <UsagePage id="o-1" />
      </QueryClientProvider>,
    );

    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('مصرف و سقف‌ها');
    expect(screen.getByTestId('organization-name').textContent).toBe('نشر آوا ACME');
    // The window of the URL in the Jalali fields, and in words as the API answered it.
    expect((screen.getByLabelText('از تاریخ') as HTMLInputElement).value).toBe('۱۴۰۵/۰۹/۰۱');
    expect((screen.getByLabelText('تا تاریخ') as HTMLInputElement).value).toBe('۱۴۰۵/۰۹/۱۶');
    expect(screen.getByTestId('usage-window').textContent).toBe('گزارش از ۱ آذر ۱۴۰۵ تا ۱۶ آذر ۱۴۰۵');
    expect(screen.getByTestId('usage-totals').textContent).toContain('۱٬۵۰۰');
    // A model's id reads left to right, isolated from the Persian around it.
    const model = screen.getByText('gpt-4.1-mini', { selector: 'bdi' });
    expect(model.getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('button', { name: 'مدل' }).getAttribute('aria-pressed')).toBe('true');
  });
});
