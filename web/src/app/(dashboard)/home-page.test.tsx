import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { Me, Project, Workspace } from '@/lib/types';
import { HomePage } from './home-page';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn(), push: vi.fn() }) }));

const ORG = '11111111-1111-4111-8111-111111111111';
const WORKSPACE = '22222222-2222-4222-8222-222222222222';
const PROJECT = '33333333-3333-4333-8333-333333333333';

const me = (memberships: Me['memberships']): Me => ({ id: 'u', phone: '+989121234567', name: null, createdAt: '2026-12-01T00:00:00.000Z', memberships });
const workspace: Workspace = { id: WORKSPACE, organizationId: ORG, name: 'تحریریه Q4', createdAt: '2026-12-01T00:00:00.000Z' };
const project = { id: PROJECT, workspaceId: WORKSPACE, organizationId: ORG, name: 'گزارش Q3 برای ACME', createdAt: '2026-12-01T00:00:00.000Z' } as Project;

/** The page as the server leaves it: every read it made already in the cache, nothing fetched again. */
function renderWith(data: { me: Me; workspaces?: Workspace[]; projects?: Project[] }, props: { org?: string; workspace?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(reads.me().queryKey, data.me);
  if (data.workspaces) client.setQueryData(reads.workspaces(ORG).queryKey, data.workspaces);
  if (data.projects) client.setQueryData(reads.projects(WORKSPACE).queryKey, data.projects);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return render(<HomePage {...props} />, { wrapper });
}

afterEach(cleanup);

describe('HomePage', () => {
  it('tells a user without an organization to create one, with the form to do it', () => {
    renderWith({ me: me([]) });

    expect(screen.getByText('هنوز عضو هیچ سازمانی نیستید. اولین سازمان خود را بسازید.')).toBeTruthy();
    expect(screen.getByLabelText('نام سازمان')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ساختن سازمان' })).toBeTruthy();
    expect(screen.queryByText('فضاهای کار')).toBeNull();
  });

  it('shows an ADMIN the organization’s sections, its workspaces and projects, with the names isolated and one link per name', () => {
    renderWith({ me: me([{ organizationId: ORG, organizationName: 'نشر آوا ACME', role: 'ADMIN' }]), workspaces: [workspace], projects: [project] });

    expect(screen.getByText('نشر آوا ACME').tagName).toBe('BDI');
    const sections = within(screen.getByRole('navigation', { name: 'بخش‌های سازمان' }));
    expect(sections.getByRole('link', { name: 'تنظیمات' }).getAttribute('href')).toBe(`/organizations/${ORG}/settings`);
    expect(sections.getByRole('link', { name: 'گزارش رویدادها' })).toBeTruthy();
    const workspaceLink = screen.getByRole('link', { name: 'تحریریه Q4' });
    expect(workspaceLink.getAttribute('aria-current')).toBe('page');
    expect(workspaceLink.querySelector('bdi')?.textContent).toBe('تحریریه Q4');
    const projectLink = screen.getByRole('link', { name: 'گزارش Q3 برای ACME' });
    expect(projectLink.getAttribute('href')).toBe(`/projects/${PROJECT}`);
    expect(projectLink.querySelector('bdi')?.textContent).toBe('گزارش Q3 برای ACME');
    expect(screen.getByRole('link', { name: 'قالب‌های پرامپت این فضای کار' }).getAttribute('href')).toBe(`/workspaces/${WORKSPACE}/prompts`);
    expect(screen.getByLabelText('نام فضای کار')).toBeTruthy();
    expect(screen.getByLabelText('نام پروژه')).toBeTruthy();
  });

  it('tells an ADMIN of an organization without workspaces to create one, and that projects live in one', () => {
    renderWith({ me: me([{ organizationId: ORG, organizationName: 'نشر آوا', role: 'ADMIN' }]), workspaces: [] });

    expect(screen.getByText(/این سازمان هنوز فضای کاری ندارد. یک فضای کار بسازید/)).toBeTruthy();
    expect(screen.getByText('پروژه‌ها در فضای کار ساخته می‌شوند؛ اول یک فضای کار بسازید یا انتخاب کنید.')).toBeTruthy();
    expect(screen.queryByLabelText('نام پروژه')).toBeNull();
  });

  it('tells a VIEWER who creates what, without forms or ADMIN sections', () => {
    renderWith({ me: me([{ organizationId: ORG, organizationName: 'نشر آوا', role: 'VIEWER' }]), workspaces: [workspace], projects: [] });

    expect(screen.getByText('این فضای کار هنوز پروژه‌ای ندارد؛ ویراستاران آن را می‌سازند.')).toBeTruthy();
    expect(screen.queryByLabelText('نام فضای کار')).toBeNull();
    expect(screen.queryByLabelText('نام پروژه')).toBeNull();
    expect(screen.queryByRole('link', { name: 'تنظیمات' })).toBeNull();
    expect(screen.getByRole('link', { name: 'اعضا' })).toBeTruthy();
    expect(screen.getByText('نقش شما: بیننده')).toBeTruthy();
  });
});
