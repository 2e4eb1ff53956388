import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reads } from './queries';
import type { Content } from './types';
import { useCachedRead } from './use-cached-read';

function Title({ id }: { id: string }) {
  const content = useCachedRead(reads.content(id));
  return <p>{content?.title ?? 'nothing yet'}</p>;
}

describe('useCachedRead', () => {
  afterEach(cleanup);

  it('reads without creating the entry, so the page’s server data is hydrated at once, and shows it when it arrives', () => {
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Title id="c-1" />
      </QueryClientProvider>,
    );
    expect(screen.getByText('nothing yet')).toBeTruthy();
    expect(client.getQueryCache().find({ queryKey: reads.content('c-1').queryKey })).toBeUndefined();
    act(() => void client.setQueryData(reads.content('c-1').queryKey, { title: 'گزارش Q3 برای ACME' } as Content));
    expect(screen.getByText('گزارش Q3 برای ACME')).toBeTruthy();
  });
});
