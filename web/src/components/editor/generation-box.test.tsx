import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GenerationBox } from './generation-box';

afterEach(cleanup);

describe('GenerationBox', () => {
  it('grows the streamed text in one dir=auto element, busy while streaming, and puts the final body in the same box', () => {
    const { rerender } = render(
      <GenerationBox live={{ text: '', streaming: true }}>
        <p>old</p>
      </GenerationBox>,
    );
    const box = screen.getByTestId('generation-box');
    const live = screen.getByTestId('live-text');
    expect(live.getAttribute('dir')).toBe('auto');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.getAttribute('aria-busy')).toBe('true');
    expect(live.className).toContain('whitespace-pre-wrap');
    expect(screen.getByRole('status').textContent).toBe('مدل شروع به نوشتن کرد.');

    for (const text of ['گوشی ', 'گوشی Ava 5 ', 'گوشی Ava 5 آمد.\nبا باتری']) {
      rerender(
        <GenerationBox live={{ text, streaming: true }}>
          <p>old</p>
        </GenerationBox>,
      );
      // The same element each time: never re-mounted per token, the direction kept.
      expect(screen.getByTestId('live-text')).toBe(live);
      expect(live.getAttribute('dir')).toBe('auto');
      expect(live.textContent).toBe(text);
    }

    rerender(
      <GenerationBox live={{ text: 'گوشی Ava 5 آمد.\nبا باتری', streaming: false }}>
        <p>old</p>
      </GenerationBox>,
    );
    // Settled, the text stays until the final body is there; the end is announced.
    expect(screen.getByTestId('live-text')).toBe(live);
    expect(live.getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('نوشتن متن تمام شد.');

    rerender(
      <GenerationBox live={null}>
        <p data-testid="content-body">گوشی Ava 5 آمد.</p>
      </GenerationBox>,
    );
    expect(screen.getByTestId('generation-box')).toBe(box);
    expect(screen.queryByTestId('live-text')).toBeNull();
    expect(box.contains(screen.getByTestId('content-body'))).toBe(true);
  });
});
