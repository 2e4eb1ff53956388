import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BodyEditor } from './body-editor';

const DRAFT = 'برای خرید Ava phone با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید, call us today.';
const PHONE = DRAFT.indexOf('۰۹۱۲');
const COMMA = DRAFT.indexOf(',');
const FINDINGS = [{ type: 'IR_PHONE', start: PHONE, end: PHONE + 13 }];
const ISSUES = [{ rule: 'latin-punctuation', start: COMMA, end: COMMA + 1, suggestion: '،' }];

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('BodyEditor', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const requests: { url: string; body: Record<string, unknown> }[] = [];

  beforeEach(() => {
    requests.length = 0;
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      requests.push({ url, body });
      if (url === '/bff/api/pii/scan') return json(200, { findings: body.text === DRAFT ? FINDINGS : [] });
      if (url === '/bff/api/style/check') return json(200, { issues: body.text === DRAFT ? ISSUES : [] });
      if (url === '/bff/api/contents/c-1') return json(200, { id: 'c-1', body: body.body, pii: { found: body.body === DRAFT, findings: body.body === DRAFT ? FINDINGS : [] } });
      return json(404, { code: 'NOT_FOUND' });
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('marks the phone number and the Latin comma in the draft before it is saved, checked with the organization glossary', async () => {
    render(withQueries(<BodyEditor contentId="c-1" organizationId="org-1" initial="" onSaved={() => undefined} onClose={() => undefined} />));
    fireEvent.change(screen.getByLabelText('متن'), { target: { value: DRAFT } });
    const preview = screen.getByTestId('draft-preview');
    await waitFor(() => expect(preview.querySelector('mark[data-draft-pii="IR_PHONE"]')?.textContent).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹'), { timeout: 3000 });
    await waitFor(() => expect(preview.querySelector('mark[data-style-rule="latin-punctuation"]')?.textContent).toBe(','));
    expect(preview.textContent).toBe(DRAFT);
    expect(requests.find((r) => r.url === '/bff/api/style/check')?.body).toEqual({ text: DRAFT, organizationId: 'org-1' });
    // The personal-data list (mask before saving) is there as before.
    expect(within(screen.getByTestId('pii-warning')).getByText('۰۹۱۲ ۳۴۵ ۶۷۸۹')).toBeTruthy();
    // Nothing was saved.
    expect(requests.some((r) => r.url === '/bff/api/contents/c-1')).toBe(false);
  });

  it('saves with Ctrl+S from inside the textarea, on a Persian layout, and keeps the editor open when the saved text still has personal data', async () => {
    const onSaved = vi.fn();
    const onClose = vi.fn();
    render(withQueries(<BodyEditor contentId="c-1" organizationId="org-1" initial={DRAFT} onSaved={onSaved} onClose={onClose} />));
    const textarea = screen.getByLabelText('متن');
    expect(document.activeElement).toBe(textarea);
    fireEvent.keyDown(textarea, { key: 'س', code: 'KeyS', ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ body: DRAFT })));
    expect(requests.find((r) => r.url === '/bff/api/contents/c-1')?.body).toEqual({ body: DRAFT });
    expect(onClose).not.toHaveBeenCalled();
    expect(await screen.findByText('نسخه تازه ذخیره شد، اما ۱ مورد داده شخصی دارد:')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ذخیره نسخه تازه' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'ذخیره نسخه تازه' }).getAttribute('aria-keyshortcuts')).toBe('Control+S Meta+S');
  });

  it('closes once a text without personal data is saved', async () => {
    const onClose = vi.fn();
    render(withQueries(<BodyEditor contentId="c-1" organizationId={undefined} initial="متن پاک و بی‌خطر." onSaved={() => undefined} onClose={onClose} />));
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره نسخه تازه' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
