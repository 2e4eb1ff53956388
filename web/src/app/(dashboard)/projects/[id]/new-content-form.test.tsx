import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { PromptTemplate } from '@/lib/types';
import NewContentForm from './new-content-form';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, replace: vi.fn() }) }));

const PROJECT = '55555555-5555-4555-8555-555555555555';
const WORKSPACE = '22222222-2222-4222-8222-222222222222';
const template = { id: 't1', organizationId: 'o', workspaceId: WORKSPACE, variables: ['product', 'لحن'], createdBy: 'u', name: 'معرفی محصول', category: 'marketing', template: 'دربارهٔ {{product}} با لحن {{لحن}}', createdAt: '', updatedAt: '' } as PromptTemplate;

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(reads.prompts(WORKSPACE).queryKey, [template]);
  return render(<NewContentForm projectId={PROJECT} workspaceId={WORKSPACE} />, { wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  push.mockReset();
});

describe('NewContentForm', () => {
  it('says under each field what is wrong instead of sending: no title, no prompt, a temperature out of range', () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    renderForm();

    fireEvent.change(screen.getByLabelText('دما'), { target: { value: '۳' } });
    fireEvent.click(screen.getByRole('button', { name: 'ساختن' }));

    expect(fetchMock).not.toHaveBeenCalled();
    for (const [label, message] of [
      ['عنوان', 'این بخش را پر کنید.'],
      ['پرامپت', 'این بخش را پر کنید.'],
      ['دما', 'یک عدد وارد کنید.'],
    ]) {
      const field = screen.getByLabelText(label!, { exact: true });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe(message);
    }
  });

  it('creates a content from a template with its variables, numbers typed in Persian digits, then opens it', async () => {
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(new Response(JSON.stringify({ id: 'c1' }), { status: 201, headers: { 'content-type': 'application/json' } })));
    vi.stubGlobal('fetch', fetchMock);
    renderForm();

    fireEvent.change(screen.getByLabelText('عنوان', { exact: true }), { target: { value: ' گزارش Q3 برای ACME ' } });
    fireEvent.change(screen.getByLabelText('ساختن محتوا با این قالب'), { target: { value: 't1' } });
    fireEvent.change(screen.getByLabelText('product'), { target: { value: 'Ava 5' } });
    fireEvent.change(screen.getByLabelText('لحن'), { target: { value: 'صمیمی' } });
    fireEvent.change(screen.getByLabelText('حداکثر توکن'), { target: { value: '۸۰۰' } });
    fireEvent.click(screen.getByRole('button', { name: 'ساختن' }));

    await waitFor(() => expect(push).toHaveBeenCalledWith('/contents/c1'));
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe(`/bff/api/projects/${PROJECT}/contents`);
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'گزارش Q3 برای ACME', promptId: 't1', variables: { product: 'Ava 5', لحن: 'صمیمی' }, model: 'gpt-4.1-mini', maxTokens: 800 });
  });
});
