import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLiveGeneration } from './live-generation';

/** An SSE response whose frames are pushed by the test. */
function stream() {
  let push!: (frame: string) => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      push = (frame) => controller.enqueue(encoder.encode(frame));
    },
  });
  return { response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }), send: (event: string, data: unknown) => push(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) };
}

function Live({ onSettled }: { onSettled: (status: string, saw: boolean) => Promise<unknown> }) {
  const live = useLiveGeneration('c-1', onSettled);
  return <div data-testid="live">{live === null ? 'none' : `${live.streaming ? 'streaming' : 'settled'}:${live.text}`}</div>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useLiveGeneration', () => {
  it('tells the page the opening status without a generation, then streams the text and keeps it until the page has refreshed', async () => {
    const sse = stream();
    vi.stubGlobal('fetch', vi.fn(async () => sse.response));
    let finishRefresh!: () => void;
    const onSettled = vi.fn((_status: string, saw: boolean) => (saw ? new Promise<void>((resolve) => (finishRefresh = resolve)) : Promise.resolve()));
    render(<Live onSettled={onSettled} />);

    sse.send('status', { status: 'REVIEW' });
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('REVIEW', false));
    expect(screen.getByTestId('live').textContent).toBe('none');

    sse.send('status', { status: 'IN_PROGRESS' });
    sse.send('delta', { text: 'گوشی ' });
    sse.send('delta', { text: 'Ava 5 آمد.' });
    await waitFor(() => expect(screen.getByTestId('live').textContent).toBe('streaming:گوشی Ava 5 آمد.'));

    sse.send('status', { status: 'REVIEW' });
    await waitFor(() => expect(onSettled).toHaveBeenLastCalledWith('REVIEW', true));
    expect(screen.getByTestId('live').textContent).toBe('settled:گوشی Ava 5 آمد.');
    finishRefresh();
    await waitFor(() => expect(screen.getByTestId('live').textContent).toBe('none'));
  });
});
