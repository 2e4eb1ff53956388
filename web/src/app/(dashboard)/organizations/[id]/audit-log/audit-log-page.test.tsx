import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { AuditPage, Organization } from '@/lib/types';
import { AuditLogPage } from './audit-log-page';

vi.mock('next/navigation', () => ({ usePathname: () => '/organizations/o/audit-log', useSearchParams: () => new URLSearchParams('page=2') }));

const ORG = '11111111-1111-4111-8111-111111111111';
const organization: Organization = { id: ORG, role: 'ADMIN', requireAdminTwoFactor: false, name: 'گزارش Q3 برای ACME', createdAt: '2026-12-01T00:00:00.000Z' };
const log: AuditPage = {
  items: [{ id: 'a1', action: 'webhook.created', actorId: 'u', targetType: 'webhook', targetId: 'w', metadata: {}, requestId: 'req-7f3a', ip: '203.0.113.9', createdAt: '2026-12-06T13:30:00.000Z' }],
  total: 120,
  page: 2,
  limit: 50,
};

afterEach(cleanup);

describe('AuditLogPage', () => {
  it('reads the page from the URL, names the organization isolated, and shows actions, addresses and request ids in left-to-right isolates with Persian digits elsewhere', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    client.setQueryData(reads.organization(ORG).queryKey, organization);
    client.setQueryData(reads.audit(ORG, 2).queryKey, log);
    render(<AuditLogPage id={ORG} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });

    expect(screen.getByText('گزارش Q3 برای ACME').tagName).toBe('BDI');
    const entry = within(screen.getByTestId('audit-log')).getByRole('listitem');
    expect(within(entry).getByText('webhook.created').getAttribute('dir')).toBe('ltr');
    expect(within(entry).getByText('203.0.113.9').getAttribute('dir')).toBe('ltr');
    expect(within(entry).getByText('req-7f3a').getAttribute('dir')).toBe('ltr');
    expect(entry.querySelector('time')?.textContent).toMatch(/۱۴۰۵/);
    expect(screen.getByText('صفحه ۲ از ۳')).toBeTruthy();
  });
});
