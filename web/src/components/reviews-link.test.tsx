import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewsLink } from './reviews-link';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const ORG = '11111111-1111-4111-8111-111111111111';

describe('ReviewsLink', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let role = 'ADMIN';
  let total = 7;

  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/bff/api/me') return json(200, { id: 'u', phone: '+989121234567', name: null, memberships: [{ organizationId: ORG, role, organizationName: 'نشر آوا' }] });
      if (url.startsWith('/bff/api/me/reviews')) return json(200, { items: [], total, page: 1, limit: 1 });
      return json(404, { code: 'NOT_FOUND' });
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const renderLink = () =>
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ReviewsLink />
      </QueryClientProvider>,
    );

  it('shows how many reviews wait, in Persian digits, read from the smallest page of the inbox', async () => {
    renderLink();
    expect((await screen.findByTestId('reviews-count')).textContent).toBe('۷');
    const link = screen.getByRole('link', { name: /^بررسی‌ها\s?۷ در انتظار$/ });
    expect(link.getAttribute('href')).toBe('/reviews');
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/bff/api/me/reviews?page=1&limit=1');
  });

  it('caps the badge at ۹۹+ and shows none when nothing waits', async () => {
    total = 250;
    const { unmount } = renderLink();
    expect((await screen.findByTestId('reviews-count')).textContent).toBe('۹۹+');
    unmount();
    total = 0;
    renderLink();
    expect(await screen.findByRole('link', { name: 'بررسی‌ها' })).toBeTruthy();
    expect(screen.queryByTestId('reviews-count')).toBeNull();
  });

  it('is not shown to someone who is ADMIN nowhere, and asks nothing of the inbox', async () => {
    role = 'EDITOR';
    renderLink();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link')).toBeNull();
    expect(fetchMock.mock.calls.map(([url]) => String(url)).some((url) => url.includes('reviews'))).toBe(false);
  });
});
