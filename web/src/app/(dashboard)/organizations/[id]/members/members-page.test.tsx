import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(cleanup);

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
});
