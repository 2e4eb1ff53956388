import { QueryClient, QueryClientProvider, focusManager } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification, Inbox } from '@/lib/types';
import { NotificationBell, PANEL_LIMIT, POLL_INTERVAL_MS } from './notification-bell';

// next/link without a router: record where a click would go.
const navigated = vi.fn<(href: string) => void>();
vi.mock('next/link', () => ({
  default: ({ href, prefetch: _prefetch, onClick, children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean; children: ReactNode }) => (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        event.preventDefault();
        navigated(href);
      }}
    >
      {children}
    </a>
  ),
}));

const ME = '33333333-3333-4333-8333-333333333333';
const ORG = '11111111-1111-4111-8111-111111111111';
const CONTENT = '22222222-2222-4222-8222-222222222222';

const approved: AppNotification = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  type: 'content.approved',
  organizationId: ORG,
  data: { contentId: CONTENT, title: '<b>خبرنامهٔ پاییز</b>', createdBy: ME, comment: null },
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  readAt: null,
};
const rejected: AppNotification = {
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  type: 'content.rejected',
  organizationId: ORG,
  data: { contentId: CONTENT, title: 'Autumn newsletter', reason: 'لحن رسمی‌تر باشد', createdBy: ME },
  createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  readAt: '2026-11-24T10:00:00.000Z',
};
const threshold: AppNotification = {
  id: 'aaaaaaaa-0000-4000-8000-000000000003',
  type: 'usage.threshold_reached',
  organizationId: ORG,
  data: { organizationId: ORG, scope: 'organization:tokens', limit: 'monthlyTokenLimit', userId: null, threshold: 80, limitValue: 1000, used: 800 },
  createdAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
  readAt: null,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('NotificationBell', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let inbox: Inbox;

  beforeEach(() => {
    navigated.mockReset();
    inbox = { items: [approved, rejected, threshold], unread: 3 };
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/bff/api/me') return json(200, { id: ME, phone: '+989121234567', name: null, createdAt: '2026-01-01T00:00:00.000Z', memberships: [{ organizationId: ORG, role: 'ADMIN', organizationName: 'نشر آوا' }] });
      const limit = /^\/bff\/api\/me\/notifications\?limit=(\d+)$/.exec(url);
      if (limit) return json(200, { items: inbox.items.slice(0, Number(limit[1])), unread: inbox.unread });
      const read = /^\/bff\/api\/me\/notifications\/([^/]+)\/read$/.exec(url);
      if (read && init?.method === 'POST') {
        const item = inbox.items.find((candidate) => candidate.id === read[1]);
        if (!item) return json(404, { code: 'NOT_FOUND' });
        const wasUnread = item.readAt === null;
        item.readAt ??= new Date().toISOString();
        if (wasUnread) inbox.unread -= 1;
        return json(200, item);
      }
      return json(404, { code: 'NOT_FOUND' });
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    for (const item of [approved, threshold]) item.readAt = null;
  });

  const renderBell = () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return render(
      <QueryClientProvider client={client}>
        <NotificationBell />
      </QueryClientProvider>,
    );
  };
  const bell = () => screen.getByRole('button', { name: /^اعلان‌ها/ });
  const calls = (pattern: RegExp) => fetchMock.mock.calls.filter(([url]) => pattern.test(String(url)));

  it('shows the unread count in Persian digits, read with the smallest list the API gives', async () => {
    renderBell();

    expect((await screen.findByTestId('notification-count')).textContent).toBe('۳');
    expect(bell().getAttribute('aria-label')).toBe('اعلان‌ها، ۳ خوانده‌نشده');
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    expect(calls(/notifications/).map(([url]) => url)).toEqual(['/bff/api/me/notifications?limit=1']);
  });

  it('shows no badge without unread notifications, and «۹۹+» beyond 99', async () => {
    inbox = { items: [], unread: 0 };
    const first = renderBell();
    await waitFor(() => expect(calls(/notifications/)).toHaveLength(1));
    expect(screen.queryByTestId('notification-count')).toBeNull();
    expect(bell().getAttribute('aria-label')).toBe('اعلان‌ها');
    first.unmount();

    inbox = { items: [], unread: 150 };
    renderBell();
    expect((await screen.findByTestId('notification-count')).textContent).toBe('۹۹+');
  });

  it('reads the count again every poll and on returning to the tab', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderBell();
    await screen.findByTestId('notification-count');
    inbox.unread = 4;

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('۴'));
    expect(calls(/notifications/)).toHaveLength(2);

    inbox.unread = 5;
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('۵'));
    focusManager.setFocused(undefined);
  });

  it('opens a panel with a Persian sentence per notification, unread ones marked, titles as text; Escape closes it', async () => {
    renderBell();
    await screen.findByTestId('notification-count');
    fireEvent.click(bell());

    const panel = screen.getByRole('dialog', { name: 'اعلان‌ها' });
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    expect(bell().getAttribute('aria-controls')).toBe(panel.id);
    expect(document.activeElement).toBe(panel);
    const items = await within(panel).findAllByRole('listitem');
    expect(calls(/notifications\?limit=/).at(-1)?.[0]).toBe(`/bff/api/me/notifications?limit=${PANEL_LIMIT}`);

    expect(items.map((item) => item.dataset.unread === 'true')).toEqual([true, false, true]);
    expect(items[0]?.textContent).toContain('خوانده‌نشده: محتوای «<b>خبرنامهٔ پاییز</b>» تأیید شد');
    expect(items[0]?.textContent).toContain('۵ دقیقه پیش');
    expect(items[0]?.textContent).toContain('نشر آوا');
    // The title is the user's text: shown as typed, never parsed as HTML, in its own direction.
    expect(items[0]?.querySelector('b')).toBeNull();
    expect(within(items[0]!).getByText('<b>خبرنامهٔ پاییز</b>').getAttribute('dir')).toBe('auto');
    expect(items[1]?.textContent).toContain('محتوای «Autumn newsletter» رد شد: لحن رسمی‌تر باشد');
    expect(items[1]?.textContent).not.toContain('خوانده‌نشده');
    expect(within(items[1]!).getByText('لحن رسمی‌تر باشد').getAttribute('dir')).toBe('auto');
    expect(items[2]?.textContent).toContain('مصرف توکن ماهانهٔ سازمان به ۸۰٪ سقف رسید');
    expect(items[2]?.textContent).toContain('۸۰۰ از ۱٬۰۰۰ توکن');
    expect(within(items[2]!).getByRole('link').getAttribute('href')).toBe(`/organizations/${ORG}/usage`);

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(bell());
  });

  it('closes when the user clicks outside it', async () => {
    renderBell();
    fireEvent.click(bell());
    await screen.findAllByRole('listitem');
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks an unread notification read through the BFF when clicked, goes to its content, and the count goes down', async () => {
    renderBell();
    await screen.findByTestId('notification-count');
    fireEvent.click(bell());
    const [first] = await screen.findAllByRole('link');
    fireEvent.click(first!);

    expect(navigated).toHaveBeenCalledExactlyOnceWith(`/contents/${CONTENT}`);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('۲'));
    const posts = calls(/\/read$/);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.[0]).toBe(`/bff/api/me/notifications/${approved.id}/read`);
    expect(posts[0]?.[1]).toMatchObject({ method: 'POST', headers: { 'x-contexor-csrf': '1' } });
    expect(bell().getAttribute('aria-label')).toBe('اعلان‌ها، ۲ خوانده‌نشده');

    // Opened again, the notification is no longer marked unread.
    fireEvent.click(bell());
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]?.dataset.unread).toBeUndefined());
  });

  it('does not post again for a notification already read', async () => {
    renderBell();
    fireEvent.click(bell());
    const links = await screen.findAllByRole('link');
    fireEvent.click(links[1]!);

    expect(navigated).toHaveBeenCalledExactlyOnceWith(`/contents/${CONTENT}`);
    // A post would start after the mutation's first await: give it the time it would take.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(calls(/\/read$/)).toHaveLength(0);
  });

  it('says so when there is nothing to show', async () => {
    inbox = { items: [], unread: 0 };
    renderBell();
    fireEvent.click(bell());
    expect(await screen.findByText('اعلانی ندارید.')).toBeTruthy();
  });
});
