import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Content, Diff, Version } from '@/lib/types';
import { ApproveDialog, RejectDialog } from './review-dialogs';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const rejected: Content['lastReview'] = { decision: 'REJECTED', by: 'admin-1', at: '2026-12-01T10:00:00.000Z', note: 'لحن رسمی نیست', version: 2, bodySha256: null, category: 'TONE' };
const content = (overrides: Partial<Pick<Content, 'currentVersion' | 'lastReview'>> = {}) => ({ id: 'c-1', currentVersion: 3, lastReview: null, ...overrides });
const DIFF: Diff = {
  from: { number: 1, source: 'ai', createdAt: '2026-12-01T09:00:00.000Z' },
  to: { number: 3, source: 'manual', createdAt: '2026-12-01T11:00:00.000Z' },
  lines: [{ type: 'changed', fromLine: 1, toLine: 1, text: 'متن تازه', segments: [{ type: 'removed', text: 'متن کهنه' }, { type: 'added', text: 'متن تازه' }] }],
} as unknown as Diff;

describe('ApproveDialog', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const open = async () => {
    fireEvent.click(screen.getByRole('button', { name: 'تأیید' }));
    return screen.findByRole('dialog', { name: 'تأیید نسخه ۳' });
  };

  it('names the version under review and shows the diff since the first version when nothing was reviewed', async () => {
    fetchMock.mockResolvedValue(json(200, DIFF));
    render(withQueries(<ApproveDialog content={content()} versions={[]} onChanged={() => undefined} />));

    const dialog = await open();

    expect(within(dialog).getByText('تغییرات از نسخه ۱ (نخستین نسخه) تا نسخه‌ای که تأیید می‌کنید:')).toBeTruthy();
    await within(dialog).findByTestId('diff');
    expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/diff?from=1&to=3', expect.objectContaining({ method: 'GET' }));
    expect(within(dialog).getByRole('region', { name: 'تفاوت نسخه ۱ و نسخه ۳' }).querySelector('ins')?.textContent).toBe('متن تازه');
  });

  it('compares with the version the last review decided on', async () => {
    fetchMock.mockResolvedValue(json(200, DIFF));
    render(withQueries(<ApproveDialog content={content({ lastReview: rejected })} versions={[]} onChanged={() => undefined} />));
    const dialog = await open();
    expect(within(dialog).getByText('تغییرات از نسخه ۲ (آخرین نسخهٔ بازبینی‌شده) تا نسخه‌ای که تأیید می‌کنید:')).toBeTruthy();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/diff?from=2&to=3', expect.anything()));
  });

  it('asks for no diff of a first version', async () => {
    render(withQueries(<ApproveDialog content={content({ currentVersion: 1 })} versions={[]} onChanged={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'تأیید' }));
    const dialog = await screen.findByRole('dialog', { name: 'تأیید نسخه ۱' });
    expect(within(dialog).getByText(/نخستین نسخهٔ بازبینی این محتواست/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('approves the version it showed, with the comment, then closes and reloads', async () => {
    const onChanged = vi.fn();
    fetchMock.mockImplementation(async (input) => (String(input).includes('/diff') ? json(200, DIFF) : json(200, { id: 'c-1', status: 'APPROVED' })));
    render(withQueries(<ApproveDialog content={content()} versions={[] as Version[]} onChanged={onChanged} />));
    const dialog = await open();

    fireEvent.change(within(dialog).getByLabelText('یادداشت (اختیاری)'), { target: { value: '  منتشر شود  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'تأیید نسخه ۳' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/approve', expect.objectContaining({ method: 'POST', body: JSON.stringify({ version: 3, comment: 'منتشر شود' }) }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says in Persian that a newer version was saved, with its number, and reloads the content (409 CONTENT_VERSION_STALE)', async () => {
    const onChanged = vi.fn();
    fetchMock.mockImplementation(async (input) =>
      String(input).includes('/diff') ? json(200, DIFF) : json(409, { statusCode: 409, code: 'CONTENT_VERSION_STALE', message: 'stale', details: { version: 3, currentVersion: 4 }, requestId: 'r-1' }),
    );
    render(withQueries(<ApproveDialog content={content()} versions={[]} onChanged={onChanged} />));
    const dialog = await open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'تأیید نسخه ۳' }));

    const notice = await within(dialog).findByTestId('stale-version');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('نسخهٔ تازه‌تری (نسخه ۴) ذخیره شده است');
    expect(onChanged).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('explains a refused self-approval in Persian (403 SELF_APPROVAL_FORBIDDEN) and reloads nothing', async () => {
    const onChanged = vi.fn();
    fetchMock.mockImplementation(async (input) =>
      String(input).includes('/diff') ? json(200, DIFF) : json(403, { statusCode: 403, code: 'SELF_APPROVAL_FORBIDDEN', message: 'no', details: { version: 3 }, requestId: 'r-2' }),
    );
    render(withQueries(<ApproveDialog content={content()} versions={[]} onChanged={onChanged} />));
    const dialog = await open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'تأیید نسخه ۳' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain('مدیر دیگری باید آن را تأیید کند');
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('RejectDialog', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers the categories in Persian and sends the chosen one with the reason and the version read', async () => {
    const onChanged = vi.fn();
    fetchMock.mockResolvedValue(json(200, { id: 'c-1', status: 'REJECTED' }));
    render(withQueries(<RejectDialog content={content()} onChanged={onChanged} />));
    fireEvent.click(screen.getByRole('button', { name: 'رد' }));
    const dialog = await screen.findByRole('dialog', { name: 'رد این محتوا' });

    const select = within(dialog).getByLabelText('دسته دلیل رد') as HTMLSelectElement;
    expect([...select.options].map((option) => [option.value, option.textContent])).toEqual([
      ['TONE', 'لحن'],
      ['ACCURACY', 'درستی مطالب'],
      ['PII', 'داده شخصی'],
      ['STYLE', 'نگارش و سبک'],
      ['LEGAL', 'حقوقی'],
      ['OTHER', 'سایر'],
    ]);
    expect(select.value).toBe('OTHER');
    const send = within(dialog).getByRole('button', { name: 'رد' });
    expect((send as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(select, { target: { value: 'PII' } });
    fireEvent.change(within(dialog).getByLabelText('دلیل رد'), { target: { value: 'شماره موبایل مشتری در متن است' } });
    fireEvent.click(send);

    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/reject', expect.objectContaining({ body: JSON.stringify({ reason: 'شماره موبایل مشتری در متن است', category: 'PII', version: 3 }) }));
  });

  it('opens from the page (its shortcut) when the page holds the open state, and tells the page when it closes', async () => {
    const onOpenChange = vi.fn();
    fetchMock.mockResolvedValue(json(200, DIFF));
    const { rerender } = render(withQueries(<RejectDialog content={content()} onChanged={() => undefined} open={false} onOpenChange={onOpenChange} />));
    const trigger = screen.getByRole('button', { name: 'رد' });
    expect(trigger.getAttribute('aria-keyshortcuts')).toBe('R');
    expect(trigger.querySelector('kbd')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(trigger);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(withQueries(<RejectDialog content={content()} onChanged={() => undefined} open onOpenChange={onOpenChange} />));
    const dialog = await screen.findByRole('dialog', { name: 'رد این محتوا' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'انصراف' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });
});
