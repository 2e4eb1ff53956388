import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { Content, Me, Project, Role, Version } from '@/lib/types';
import { ContentPage } from './content-page';

vi.mock('next/navigation', () => ({ usePathname: () => '/contents/c-1', useSearchParams: () => new URLSearchParams(), useRouter: () => ({ push: vi.fn(), replace: vi.fn() }) }));

const ORG = 'org-1';
const BODY = 'گوشی Ava 5 آمد. باتری آن سه روز کار می‌کند.';
const content = (status: Content['status']) =>
  ({
    id: 'c-1',
    projectId: 'p-1',
    workspaceId: 'w-1',
    title: 'معرفی Ava 5',
    prompt: 'یک متن کوتاه بنویس.',
    promptId: null,
    variables: null,
    body: BODY,
    status,
    model: 'gpt-4.1-mini',
    currentVersion: 2,
    lastError: null,
    pii: { found: false, findings: [] },
    promptPii: { found: false, findings: [] },
    lastReview: null,
    reviewDueAt: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
  }) as unknown as Content;
const version = (number: number, source: Version['source']) => ({ number, source, approvedVersion: null, model: null, usage: null, createdBy: 'u', restoredFrom: null, bodySha256: null, body: '', createdAt: '2026-12-01T10:00:00.000Z' }) as Version;

/** The page as the server leaves it (content, versions, comments, me in the cache); the rest answered empty. */
function renderPage(role: Role, status: Content['status']) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(reads.content('c-1').queryKey, content(status));
  client.setQueryData(reads.versions('c-1').queryKey, [version(2, 'manual'), version(1, 'ai')]);
  client.setQueryData(reads.comments('c-1').queryKey, []);
  client.setQueryData(reads.project('p-1').queryKey, { id: 'p-1', organizationId: ORG, workspaceId: 'w-1', name: 'پروژه' } as Project);
  client.setQueryData(reads.me().queryKey, { id: 'u', phone: '+989121234567', name: null, createdAt: '', memberships: [{ organizationId: ORG, role }] } as unknown as Me);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return render(<ContentPage id="c-1" />, { wrapper });
}

describe('ContentPage shortcuts', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } })),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('opens the approve and reject dialogs with A and R (ش and ق on a Persian layout) for an ADMIN on a content in review, and lists the shortcuts under ؟', async () => {
    renderPage('ADMIN', 'REVIEW');
    fireEvent.keyDown(document.body, { key: 'ش', code: 'KeyA' });
    const approve = await screen.findByRole('dialog', { name: 'تأیید نسخه ۲' });
    // The dialog is loaded on the first A: focus still lands inside it.
    await waitFor(() => expect(approve.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(approve, { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(document.body, { key: 'ق', code: 'KeyR' });
    const reject = await screen.findByRole('dialog', { name: 'رد این محتوا' });
    // Nothing was decided: the dialog only opened.
    fireEvent.keyDown(reject, { key: 'Escape', code: 'Escape' });

    fireEvent.keyDown(document.body, { key: '؟', code: 'Slash', shiftKey: true });
    const help = await screen.findByRole('dialog', { name: 'میان‌برهای صفحه‌کلید' });
    await waitFor(() => expect(help.contains(document.activeElement)).toBe(true));
    expect(within(help).getAllByRole('row').map((row) => row.getAttribute('data-shortcut')).filter(Boolean)).toEqual(['save', 'edit', 'approve', 'reject', 'help']);
    expect(within(help).getAllByText('A')[0]?.tagName).toBe('KBD');
  });

  it('opens the reject dialog from its button, focused inside, and gives focus back to the button on Escape', async () => {
    renderPage('ADMIN', 'REVIEW');
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'رد' }));
    const reject = await screen.findByRole('dialog', { name: 'رد این محتوا' });
    await waitFor(() => expect(reject.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(reject, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'رد' })));
  });

  it('opens the editor with E, focused, and ignores A while typing in it', async () => {
    renderPage('ADMIN', 'REVIEW');
    fireEvent.keyDown(document.body, { key: 'ث', code: 'KeyE' });
    const textarea = await screen.findByLabelText('متن');
    expect(document.activeElement).toBe(textarea);
    expect((textarea as HTMLTextAreaElement).value).toBe(BODY);
    fireEvent.keyDown(textarea, { key: 'ش', code: 'KeyA' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not open the review dialogs for an EDITOR, nor on a draft', () => {
    renderPage('EDITOR', 'REVIEW');
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();
    renderPage('ADMIN', 'DRAFT');
    fireEvent.keyDown(document.body, { key: 'r', code: 'KeyR' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
