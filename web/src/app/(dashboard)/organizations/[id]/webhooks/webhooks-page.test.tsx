import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { DeliveryPage, Organization, Webhook } from '@/lib/types';
import { WebhooksPage } from './webhooks-page';

const ORG = '11111111-1111-4111-8111-111111111111';
const HOOK = '44444444-4444-4444-8444-444444444444';
const organization: Organization = { id: ORG, role: 'ADMIN', requireAdminTwoFactor: false, name: 'نشر آوا ACME', createdAt: '2026-12-01T00:00:00.000Z' };
const webhook = { id: HOOK, url: 'https://hooks.example.ir/اعلان?x=1', events: ['content.approved'], enabled: true, createdAt: '2026-12-01T00:00:00.000Z' } as unknown as Webhook;
const deliveries = { items: [{ id: 'd1', eventType: 'content.approved', attempt: 2, status: 'succeeded', statusCode: 200, error: null, createdAt: '2026-12-06T13:30:00.000Z' }], total: 1, page: 1, limit: 20 } as unknown as DeliveryPage;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(reads.organization(ORG).queryKey, organization);
  client.setQueryData(reads.webhooks(ORG).queryKey, [webhook]);
  client.setQueryData(reads.deliveries(HOOK).queryKey, deliveries);
  return render(<WebhooksPage id={ORG} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });
}

describe('WebhooksPage', () => {
  it('shows each URL and event type in a left-to-right isolate, and a delivery’s status code and attempt in Persian digits', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    client.setQueryData(reads.organization(ORG).queryKey, organization);
    client.setQueryData(reads.webhooks(ORG).queryKey, [webhook]);
    client.setQueryData(reads.deliveries(HOOK).queryKey, deliveries);
    render(<WebhooksPage id={ORG} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });

    expect(screen.getByText('نشر آوا ACME').tagName).toBe('BDI');
    const url = screen.getByText('https://hooks.example.ir/اعلان?x=1');
    expect(url.tagName).toBe('BDI');
    expect(url.getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('button', { name: 'حذف وب‌هوک https://hooks.example.ir/اعلان?x=1' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'https://hooks.example.ir/اعلان?x=1' }));
    const list = screen.getByRole('list', { name: 'تحویل‌ها' });
    expect(list.querySelector('bdi[dir="ltr"]')?.textContent).toBe('content.approved');
    expect(list.textContent).toContain('۲۰۰');
    expect(list.textContent).toContain('تلاش ۲');
  });

  it('refuses an address without http(s) under its field, then registers the trimmed one with its events and shows the secret once, left to right', async () => {
    const fetchMock = vi.fn<typeof fetch>((_url, init) =>
      Promise.resolve(new Response(JSON.stringify(init?.method === 'POST' ? { ...webhook, secret: 'whsec_abc123' } : [webhook]), { status: init?.method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    const url = screen.getByLabelText('نشانی');

    fireEvent.change(url, { target: { value: 'hooks.example.ir/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'ثبت وب‌هوک' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.getElementById(url.getAttribute('aria-describedby') ?? '')?.textContent).toBe('یک نشانی http یا https وارد کنید.');

    fireEvent.change(url, { target: { value: ' https://hooks.example.ir/x ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'content.rejected' }));
    fireEvent.click(screen.getByRole('button', { name: 'ثبت وب‌هوک' }));

    const secret = await screen.findByText('whsec_abc123');
    expect(secret.getAttribute('dir')).toBe('ltr');
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe(`/bff/api/organizations/${ORG}/webhooks`);
    expect(JSON.parse(String(init?.body))).toEqual({ url: 'https://hooks.example.ir/x', events: ['content.approved', 'content.rejected'] });
  });
});
