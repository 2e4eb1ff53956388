import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewItem } from '@/lib/types';
import { ReviewList } from './review-list';

const ORG = '11111111-1111-4111-8111-111111111111';
const NOW = Date.parse('2026-12-07T10:00:00Z');

const item = (overrides: Partial<ReviewItem>): ReviewItem => ({
  contentId: '22222222-2222-4222-8222-222222222222',
  title: 'معرفی گوشی آوا ۵',
  projectId: 'p',
  workspaceId: 'w',
  organizationId: ORG,
  version: 3,
  waitingSince: '2026-12-07T07:00:00.000Z',
  reviewDueAt: null,
  overdue: false,
  ...overrides,
});

describe('ReviewList', () => {
  afterEach(cleanup);

  it('lists each review in the order given, linking to its content, with Persian digits and Jalali dates', () => {
    render(
      <ReviewList
        now={NOW}
        organizationNames={new Map([[ORG, 'نشر آوا']])}
        items={[
          item({ contentId: 'aaaaaaaa-0000-4000-8000-000000000001', title: 'Autumn newsletter', reviewDueAt: '2026-12-06T13:30:00.000Z', overdue: true }),
          item({ contentId: 'aaaaaaaa-0000-4000-8000-000000000002', waitingSince: '2026-12-07T09:00:00.000Z', reviewDueAt: '2026-12-10T13:30:00.000Z' }),
          item({ contentId: 'aaaaaaaa-0000-4000-8000-000000000003', waitingSince: '2026-12-07T09:59:30.000Z' }),
        ]}
      />,
    );

    const rows = within(screen.getByTestId('review-list')).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('link').getAttribute('href'))).toEqual([
      '/contents/aaaaaaaa-0000-4000-8000-000000000001',
      '/contents/aaaaaaaa-0000-4000-8000-000000000002',
      '/contents/aaaaaaaa-0000-4000-8000-000000000003',
    ]);
    // The user's title is isolated for bidirectional layout.
    expect(within(rows[0]).getByRole('link').getAttribute('dir')).toBe('auto');
    expect(within(rows[0]).getByText('نشر آوا').tagName).toBe('BDI');
    expect(rows[0].textContent).toContain('نسخه ۳');
    expect(rows[0].textContent).toContain('ورود به بازبینی: ۳ ساعت پیش');
    // 2026-12-06 17:00 in Tehran is 15 Azar 1405.
    expect(rows[0].textContent).toContain('موعد: ۱۵ آذر ۱۴۰۵');
    expect(rows[0].getAttribute('data-overdue')).toBe('true');
    expect(within(rows[0]).getByText('موعد گذشته')).toBeTruthy();
    expect(rows[1].getAttribute('data-overdue')).toBe('false');
    expect(within(rows[1]).queryByText('موعد گذشته')).toBeNull();
    expect(rows[2].textContent).toContain('بی‌موعد');
    expect(rows[2].textContent).not.toMatch(/[0-9]/);
  });
});
