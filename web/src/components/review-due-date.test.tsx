import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Content } from '@/lib/types';
import { ReviewDueDate } from './review-due-date';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const content = (overrides: Partial<Content> = {}) => ({ id: 'c-1', status: 'REVIEW', reviewDueAt: null, ...overrides }) as Content;

describe('ReviewDueDate', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the date and time entered as Tehran time, an instant with its offset', async () => {
    const saved = content({ reviewDueAt: '2026-12-10T13:30:00.000Z' });
    fetchMock.mockResolvedValue(json(200, saved));
    const onSaved = vi.fn();
    render(withQueries(<ReviewDueDate content={content()} canEdit onSaved={onSaved} />));

    expect(screen.getByText('موعدی تعیین نشده است.')).toBeTruthy();
    // A Jalali day and a time, each in any digit script.
    fireEvent.change(screen.getByLabelText('موعد بررسی'), { target: { value: '۱۴۰۵/۰۹/۱۹' } });
    fireEvent.change(screen.getByLabelText('ساعت موعد'), { target: { value: '17:00' } });
    // The Jalali reading of what was typed, before it is saved.
    expect(screen.getByText(/۱۹ آذر ۱۴۰۵، ۱۷:۰۰/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'ثبت موعد' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/bff/api/contents/c-1');
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({ reviewDueAt: '2026-12-10T17:00:00+03:30' });
  });

  it('shows the due date in Jalali, marks it overdue in REVIEW, and clears it with null', async () => {
    fetchMock.mockResolvedValue(json(200, content()));
    const onSaved = vi.fn();
    render(withQueries(<ReviewDueDate content={content({ reviewDueAt: '2026-01-01T08:30:00.000Z' })} canEdit onSaved={onSaved} />));

    expect(screen.getByText('۱۱ دی ۱۴۰۴، ۱۲:۰۰', { selector: 'time' })).toBeTruthy();
    expect(screen.getByText('موعد گذشته')).toBeTruthy();
    expect((screen.getByLabelText('موعد بررسی') as HTMLInputElement).value).toBe('۱۴۰۴/۱۰/۱۱');
    expect((screen.getByLabelText('ساعت موعد') as HTMLInputElement).value).toBe('۱۲:۰۰');
    fireEvent.click(screen.getByRole('button', { name: 'حذف موعد' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ reviewDueAt: null });
  });

  it('refuses an incomplete date without asking the API', () => {
    render(withQueries(<ReviewDueDate content={content()} canEdit onSaved={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'ثبت موعد' }));
    const problem = screen.getByText('تاریخ و ساعت را کامل وارد کنید.');
    expect(screen.getByLabelText('موعد بررسی').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('موعد بررسی').getAttribute('aria-describedby')).toContain(problem.id);
    expect(screen.getByLabelText('ساعت موعد').getAttribute('aria-invalid')).toBe('true');

    // A day that does not exist, or a time that is none, is refused the same way.
    fireEvent.change(screen.getByLabelText('موعد بررسی'), { target: { value: '1405/13/01' } });
    fireEvent.change(screen.getByLabelText('ساعت موعد'), { target: { value: '۱۷:۰۰' } });
    fireEvent.click(screen.getByRole('button', { name: 'ثبت موعد' }));
    expect(screen.getByText('تاریخ و ساعت را کامل وارد کنید.')).toBeTruthy();
    expect(screen.getByLabelText('ساعت موعد').getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(screen.getByLabelText('موعد بررسی'), { target: { value: '1405/09/19' } });
    fireEvent.change(screen.getByLabelText('ساعت موعد'), { target: { value: '25:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'ثبت موعد' }));
    expect(screen.getByLabelText('ساعت موعد').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('offers no field to viewers, nor on APPROVED content, and no overdue mark outside REVIEW', () => {
    const { rerender } = render(withQueries(<ReviewDueDate content={content({ reviewDueAt: '2026-01-01T08:30:00.000Z' })} canEdit={false} onSaved={() => undefined} />));
    expect(screen.queryByLabelText('موعد بررسی')).toBeNull();
    rerender(withQueries(<ReviewDueDate content={content({ status: 'APPROVED', reviewDueAt: '2026-01-01T08:30:00.000Z' })} canEdit onSaved={() => undefined} />));
    expect(screen.queryByLabelText('موعد بررسی')).toBeNull();
    expect(screen.queryByText('موعد گذشته')).toBeNull();
  });
});
