import type { DehydratedState } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reads } from '@/lib/queries';
import type { ServerReadResult } from './server-read';

const answers = new Map<string, ServerReadResult<unknown>>();
/** The server's clock, moved on by each read: a read takes a second here. */
let clock = 0;
vi.mock('./server-read', () => ({
  serverRead: async (path: string) => {
    clock += 1000;
    return answers.get(path) ?? { ok: false, status: 0 };
  },
}));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NOT_FOUND');
  },
  forbidden: () => {
    throw new Error('FORBIDDEN');
  },
}));

const { Prefetched, ServerReadError } = await import('./prefetch');

async function stateOf(props: Parameters<typeof Prefetched>[0]): Promise<DehydratedState> {
  const element = (await Prefetched(props)) as ReactElement<{ state: DehydratedState }>;
  return element.props.state;
}

describe('Prefetched', () => {
  beforeEach(() => {
    answers.clear();
    clock = 10_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
  });

  it('puts each answer under its read’s key, dated when the reads began', async () => {
    answers.set(reads.content('c-1').path, { ok: true, data: { id: 'c-1', title: 'گزارش Q3' } });
    answers.set(reads.comments('c-1').path, { ok: true, data: [] });
    const state = await stateOf({ reads: [reads.content('c-1')], optional: [reads.comments('c-1')], children: null });
    expect(state.queries.map((query) => query.queryKey)).toEqual([reads.content('c-1').queryKey, reads.comments('c-1').queryKey]);
    expect(state.queries[0]!.state.data).toEqual({ id: 'c-1', title: 'گزارش Q3' });
    // Not 12_000, when they ended: anything the browser fetched after 10_000 is newer and stays.
    expect(state.queries.map((query) => query.state.dataUpdatedAt)).toEqual([10_000, 10_000]);
  });

  it('shows the not-found page for a 404 (another organization’s id) and the forbidden page for a 403', async () => {
    answers.set(reads.content('other').path, { ok: false, status: 404 });
    await expect(stateOf({ reads: [reads.content('other')], children: null })).rejects.toThrow('NOT_FOUND');
    answers.set(reads.webhooks('o-1').path, { ok: false, status: 403 });
    await expect(stateOf({ reads: [reads.webhooks('o-1')], children: null })).rejects.toThrow('FORBIDDEN');
  });

  it('fails the render (error.tsx) when the API does not answer or fails, and leaves a 401 to the client', async () => {
    await expect(stateOf({ reads: [reads.me()], children: null })).rejects.toBeInstanceOf(ServerReadError);
    answers.set(reads.me().path, { ok: false, status: 502 });
    await expect(stateOf({ reads: [reads.me()], children: null })).rejects.toBeInstanceOf(ServerReadError);
    answers.set(reads.me().path, { ok: false, status: 401 });
    expect((await stateOf({ reads: [reads.me()], children: null })).queries).toEqual([]);
  });

  it('leaves out an optional read that fails, whatever the status', async () => {
    answers.set(reads.me().path, { ok: true, data: { id: 'u-1' } });
    answers.set(reads.usage('o-1', 'groupBy=day').path, { ok: false, status: 403 });
    const state = await stateOf({ reads: [reads.me()], optional: [reads.usage('o-1', 'groupBy=day'), reads.forecast('o-1')], children: null });
    expect(state.queries.map((query) => query.queryKey)).toEqual([reads.me().queryKey]);
  });
});
