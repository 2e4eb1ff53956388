import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format';
import type { UsageForecast } from '@/lib/types';
import { LimitBar } from './limit-bar';
import { UsageForecastSummary } from './usage-forecast';

afterEach(cleanup);

const forecast = (overrides: Partial<UsageForecast> = {}): UsageForecast => ({
  period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  used: { tokens: 28_500, costUsd: '0.028500' },
  projected: { tokens: 67_250, costUsd: '0.067250' },
  burnPerDay: { tokens: 2_500, costUsd: '0.002500' },
  exhaustsAt: '2026-11-20T02:24:00.000Z',
  exhaustsLimit: 'cost',
  limit: { monthlyTokenLimit: 53_500, monthlyCostLimitUsd: '0.040000' },
  ...overrides,
});

describe('UsageForecastSummary', () => {
  it('shows the projection and the burn per day in tokens and dollars, in Persian digits', () => {
    render(<UsageForecastSummary forecast={forecast()} />);
    expect(screen.getByTestId('forecast-projected').textContent).toBe('۶۷٬۲۵۰ توکن — $۰٫۰۶۷۲۵');
    expect(screen.getByTestId('forecast-burn').textContent).toBe('۲٬۵۰۰ توکن — $۰٫۰۰۲۵ در روز');
    expect(screen.getByRole('heading', { name: 'پیش‌بینی تا پایان دوره' })).toBeTruthy();
  });

  it('names the limit that runs out first and the Jalali date it does', () => {
    render(<UsageForecastSummary forecast={forecast()} />);
    const text = screen.getByTestId('forecast-runs-out').textContent ?? '';
    // 2026-11-20T02:24Z is 05:54 in Tehran on 29 Aban 1405
    expect(formatDate('2026-11-20T02:24:00.000Z')).toMatch(/۲۹ آبان ۱۴۰۵/);
    expect(text).toBe(`سقف هزینه در ${formatDate('2026-11-20T02:24:00.000Z')} تمام می‌شود`);
  });

  it('says the limit does not run out this period when exhaustsAt is null', () => {
    render(
      <UsageForecastSummary
        forecast={forecast({
          exhaustsAt: null,
          exhaustsLimit: null,
          limit: { monthlyTokenLimit: null, monthlyCostLimitUsd: null },
        })}
      />,
    );
    expect(screen.getByTestId('forecast-runs-out').textContent).toBe('در این دوره تمام نمی‌شود');
  });

  it('says a limit already used up has run out, not a date', () => {
    render(
      <UsageForecastSummary
        forecast={forecast({
          exhaustsAt: '2026-11-15T12:00:00.000Z',
          exhaustsLimit: 'tokens',
          limit: { monthlyTokenLimit: 20_000, monthlyCostLimitUsd: null },
        })}
      />,
    );
    expect(screen.getByTestId('forecast-runs-out').textContent).toBe('سقف توکن تمام شده است');
  });
});

describe('LimitBar with a forecast', () => {
  const markAt = () => Number.parseFloat((screen.getByTestId('limit-projected') as HTMLElement).style.insetInlineStart);

  it('marks the projected use on the bar, capped at its 120 % end', () => {
    const { rerender } = render(<LimitBar label="سقف" used={500} limit={1000} shown="" projected={900} />);
    expect(markAt()).toBeCloseTo((90 / 120) * 100);
    rerender(<LimitBar label="سقف" used={500} limit={1000} shown="" projected={5000} />);
    expect(markAt()).toBe(100);
  });

  it('draws no marker without a forecast', () => {
    render(<LimitBar label="سقف" used={500} limit={1000} shown="" />);
    expect(screen.queryByTestId('limit-projected')).toBeNull();
  });
});
