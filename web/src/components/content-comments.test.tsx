import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentComments } from './content-comments';

const BODY = 'بند اول دربارهٔ گوشی آوا ۵ است.\nمدل GPT-4.1 mini را برای متن‌های کوتاه پیشنهاد می‌کنیم 🙂 و تمام.';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('ContentComments', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (_input, init) => json(init?.method === 'POST' ? 201 : 200, init?.method === 'POST' ? { id: 'k-1' } : []));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('comments on a sentence picked from a list, without a mouse selection', async () => {
    render(withQueries(<ContentComments contentId="c-1" version={2} body={BODY} findings={[]} canComment />));
    const picker = screen.getByLabelText('نظر روی یک جمله') as HTMLSelectElement;
    const second = [...picker.options].find((option) => option.textContent?.startsWith('مدل GPT-4.1'))!;
    expect(second.getAttribute('dir')).toBe('auto');
    fireEvent.change(picker, { target: { value: second.value } });
    const sentence = 'مدل GPT-4.1 mini را برای متن‌های کوتاه پیشنهاد می‌کنیم 🙂 و تمام.';
    expect(screen.getByTestId('selected-quote').textContent).toBe(sentence);
    fireEvent.change(screen.getByLabelText('نظر شما'), { target: { value: 'لحن فنی است.' } });
    fireEvent.click(screen.getByRole('button', { name: 'ثبت نظر' }));
    const start = BODY.indexOf('مدل');
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith('/bff/api/contents/c-1/comments', expect.objectContaining({ method: 'POST', body: JSON.stringify({ version: 2, start, end: start + sentence.length, body: 'لحن فنی است.' }) })),
    );
  });
});
