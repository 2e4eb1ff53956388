import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { Member, Organization, Role } from '@/lib/types';
import { MembersPage } from './members-page';

const ORG = '11111111-1111-4111-8111-111111111111';
const members = [
  { userId: 'u1', name: 'Sara محمدی', phone: '+989121234567', role: 'ADMIN', status: 'active' },
  { userId: 'u2', name: null, phone: '+989351234567', role: 'VIEWER', status: 'invited' },
] as Member[];

function renderAs(role: Role) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const organization: Organization = { id: ORG, role, requireAdminTwoFactor: false, name: 'نشر آوا ACME', createdAt: '2026-12-01T00:00:00.000Z' };
  client.setQueryData(reads.organization(ORG).queryKey, organization);
  client.setQueryData(reads.members(ORG).queryKey, members);
  return render(<MembersPage id={ORG} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MembersPage', () => {
  it('shows the members to a VIEWER with their roles, the organization and names isolated, phones in Persian digits left to right', () => {
    renderAs('VIEWER');

    expect(screen.getByText('نشر آوا ACME').tagName).toBe('BDI');
    const [admin, invited] = screen.getAllByRole('listitem');
    expect(within(admin!).getByText('Sara محمدی').tagName).toBe('BDI');
    expect(admin!.textContent).toContain('مدیر');
    expect(within(invited!).getByText('+۹۸۹۳۵۱۲۳۴۵۶۷').getAttribute('dir')).toBe('ltr');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByLabelText('شماره موبایل')).toBeNull();
  });

  it('gives an ADMIN a role field per member, each named after its member, besides the invite form’s own «نقش»', () => {
    renderAs('ADMIN');

    expect((screen.getByLabelText('نقش Sara محمدی') as HTMLSelectElement).value).toBe('ADMIN');
    expect((screen.getByLabelText('نقش +۹۸۹۳۵۱۲۳۴۵۶۷') as HTMLSelectElement).value).toBe('VIEWER');
    expect(screen.getAllByLabelText('نقش', { exact: true })).toHaveLength(1);
    expect(screen.getByLabelText('شماره موبایل').getAttribute('dir')).toBe('ltr');
  });

  it('refuses a phone that is not an Iranian mobile in Persian, then invites one typed in Persian digits with the chosen role', async () => {
    // The invitation, then the members and the organization read again after it.
    const answer = (url: string, method = 'GET') => (method === 'POST' ? {} : url.endsWith('/members') ? members : { id: ORG, role: 'ADMIN', requireAdminTwoFactor: false, name: 'نشر آوا ACME', createdAt: '2026-12-01T00:00:00.000Z' });
    const fetchMock = vi.fn<typeof fetch>((url, init) => Promise.resolve(new Response(JSON.stringify(answer(String(url), init?.method)), { status: 200, headers: { 'content-type': 'application/json' } })));
    vi.stubGlobal('fetch', fetchMock);
    renderAs('ADMIN');
    const phone = screen.getByLabelText('شماره موبایل') as HTMLInputElement;

    fireEvent.change(phone, { target: { value: '۰۲۱ ۱۲۳۴' } });
    fireEvent.click(screen.getByRole('button', { name: 'افزودن عضو' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.getElementById(phone.getAttribute('aria-describedby') ?? '')?.textContent).toContain('شماره موبایل معتبر نیست');

    fireEvent.change(phone, { target: { value: '۰۹۱۹ ۷۶۵ ۴۳۲۱' } });
    fireEvent.change(screen.getByLabelText('نقش', { exact: true }), { target: { value: 'VIEWER' } });
    fireEvent.click(screen.getByRole('button', { name: 'افزودن عضو' }));

    await waitFor(() => expect(phone.value).toBe(''));
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe(`/bff/api/organizations/${ORG}/members`);
    expect(JSON.parse(String(init?.body))).toEqual({ phone: '09197654321', role: 'VIEWER' });
  });
});
