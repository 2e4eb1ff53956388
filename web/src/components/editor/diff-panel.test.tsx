import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diff, Version } from '@/lib/types';
import { DiffPanel } from './diff-panel';

let search = '';
vi.mock('next/navigation', () => ({ usePathname: () => '/contents/c-1', useSearchParams: () => new URLSearchParams(search) }));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const version = (number: number, source: Version['source'], approvedVersion: number | null = null) => ({ number, source, approvedVersion, model: null, usage: null, createdBy: 'u', restoredFrom: null, bodySha256: null, body: '', createdAt: '2026-12-01T10:00:00.000Z' }) as Version;
const diffOf = (from: number, to: number): Diff =>
  ({
    from: { number: from, source: 'ai', createdBy: 'u', model: null, createdAt: '' },
    to: { number: to, source: 'manual', createdBy: 'u', model: null, createdAt: '' },
    stats: { unchanged: 0, changed: 1, added: 0, removed: 0 },
    lines: [{ type: 'changed', fromLine: 1, toLine: 1, segments: [{ type: 'equal', text: 'مدل ' }, { type: 'removed', text: 'GPT-4' }, { type: 'added', text: 'GPT-4.1' }, { type: 'equal', text: ' خوب است.' }] }],
  }) as Diff;

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('DiffPanel', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    search = '';
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input) => {
      const url = new URL(String(input), 'http://x');
      return json(diffOf(Number(url.searchParams.get('from')), Number(url.searchParams.get('to'))));
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const APPROVED = [version(1, 'ai'), version(2, 'manual'), version(3, 'approval', 2), version(4, 'manual'), version(5, 'manual')];

  it('compares the current version with the last approved one by default, side by side', async () => {
    render(withQueries(<DiffPanel contentId="c-1" current={5} versions={APPROVED} />));
    expect(screen.getByText('تغییرات از نسخه ۲ (آخرین نسخه‌ای که تأیید شد) تا نسخه ۵')).toBeTruthy();
    const region = await screen.findByRole('region', { name: 'تفاوت نسخه ۲ و نسخه ۵' });
    await within(region).findByTestId('diff');
    expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/diff?from=2&to=5', expect.anything());
    expect(within(region).getByTestId('diff').getAttribute('data-mode')).toBe('side-by-side');
    expect(screen.getByRole('button', { name: 'کنار هم' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'یک‌ستونه' }).getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByLabelText('مقایسه با') as HTMLSelectElement).value).toBe('2');
  });

  it('compares with the previous version when none was approved, and with the version the reader picks', async () => {
    render(withQueries(<DiffPanel contentId="c-1" current={3} versions={[version(1, 'ai'), version(2, 'manual'), version(3, 'manual')]} />));
    expect(screen.getByText('تغییرات از نسخه ۲ (نسخهٔ پیشین) تا نسخه ۳')).toBeTruthy();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/diff?from=2&to=3', expect.anything()));
    fireEvent.change(screen.getByLabelText('مقایسه با'), { target: { value: '1' } });
    expect(screen.getByText('تغییرات از نسخه ۱ (انتخاب شما) تا نسخه ۳')).toBeTruthy();
    await screen.findByRole('region', { name: 'تفاوت نسخه ۱ و نسخه ۳' });
    expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/diff?from=1&to=3', expect.anything());
  });

  it('shows the inline view when the URL asks for it, and the toggle writes the choice to the URL', async () => {
    search = 'diff=inline';
    const replace = vi.spyOn(window.history, 'replaceState');
    render(withQueries(<DiffPanel contentId="c-1" current={5} versions={APPROVED} />));
    const region = await screen.findByRole('region', { name: 'تفاوت نسخه ۲ و نسخه ۵' });
    expect((await within(region).findByTestId('diff')).getAttribute('data-mode')).toBe('inline');
    expect(within(region).getByTestId('diff').querySelector('p[dir="auto"]')?.textContent).toBe('مدل GPT-4GPT-4.1 خوب است.');
    fireEvent.click(screen.getByRole('button', { name: 'کنار هم' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith(null, '', '/contents/c-1?'));
    replace.mockRestore();
  });

  it('says there is nothing to compare for a first version', () => {
    render(withQueries(<DiffPanel contentId="c-1" current={1} versions={[version(1, 'ai')]} />));
    expect(screen.getByText('هنوز نسخهٔ دیگری برای مقایسه نیست.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
