import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { Me, PromptTemplate, Role } from '@/lib/types';
import { PromptsPage } from './prompts-page';

const ORG = '11111111-1111-4111-8111-111111111111';
const WORKSPACE = '22222222-2222-4222-8222-222222222222';

const template: PromptTemplate = {
  id: '33333333-3333-4333-8333-333333333333',
  organizationId: ORG,
  workspaceId: WORKSPACE,
  variables: ['product', 'لحن'],
  createdBy: 'u',
  name: 'گزارش Q3 برای ACME',
  category: 'marketing',
  template: 'دربارهٔ {{product}} با لحن {{لحن}} برای ACME بنویس.',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

function renderAs(role: Role) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const me: Me = { id: 'u', phone: '+989121234567', name: null, createdAt: '2026-12-01T00:00:00.000Z', memberships: [{ organizationId: ORG, organizationName: 'نشر آوا', role }] };
  client.setQueryData(reads.me().queryKey, me);
  client.setQueryData(reads.prompts(WORKSPACE).queryKey, [template]);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return render(<PromptsPage id={WORKSPACE} />, { wrapper });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PromptsPage', () => {
  it('isolates a template’s mixed name and category, lets its body take its own direction, and isolates each variable', () => {
    renderAs('VIEWER');

    expect(screen.getByText('گزارش Q3 برای ACME').tagName).toBe('BDI');
    expect(screen.getByRole('button', { name: 'marketing' }).querySelector('bdi')?.textContent).toBe('marketing');
    expect(screen.getByText('دربارهٔ {{product}} با لحن {{لحن}} برای ACME بنویس.').getAttribute('dir')).toBe('auto');
    const product = screen.getByText('product');
    expect(product.tagName).toBe('CODE');
    expect(product.getAttribute('dir')).toBe('auto');
  });

  it('gives a VIEWER no edit, delete or new-template controls, and an EDITOR all of them, by the role in the template’s organization', () => {
    renderAs('VIEWER');
    expect(screen.queryByRole('button', { name: /ویرایش/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'حذف' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'ذخیره قالب' })).toBeNull();
    cleanup();

    renderAs('EDITOR');
    expect(screen.getByRole('button', { name: 'ویرایش قالب گزارش Q3 برای ACME' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'حذف' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ذخیره قالب' })).toBeTruthy();
  });

  it('says under each field what is missing instead of sending, then sends the template trimmed and starts a new one in the same category', async () => {
    // The POST answers the template; the list read again after it answers the list.
    const fetchMock = vi.fn<typeof fetch>((_url, init) =>
      Promise.resolve(new Response(JSON.stringify(init?.method === 'POST' ? template : [template]), { status: init?.method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderAs('EDITOR');

    fireEvent.click(screen.getByRole('button', { name: 'ذخیره قالب' }));
    expect(fetchMock).not.toHaveBeenCalled();
    const name = screen.getByLabelText('نام', { exact: true });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('این بخش را پر کنید.');

    fireEvent.change(name, { target: { value: ' معرفی Ava 5 ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'دسته' }), { target: { value: 'marketing' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^قالب/ }), { target: { value: 'دربارهٔ {{product}} بنویس.' } });
    expect(document.querySelector('form [aria-live="polite"]')?.textContent).toContain('product');
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره قالب' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/bff/api/workspaces/${WORKSPACE}/prompts`);
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'معرفی Ava 5', category: 'marketing', template: 'دربارهٔ {{product}} بنویس.' });
    await waitFor(() => expect((screen.getByLabelText('نام', { exact: true }) as HTMLInputElement).value).toBe(''));
    expect((screen.getByRole('textbox', { name: 'دسته' }) as HTMLInputElement).value).toBe('marketing');
  });
});
