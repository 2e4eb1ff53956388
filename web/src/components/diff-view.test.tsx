import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffView } from './diff-view';

describe('DiffView', () => {
  it('shows removed words on the older side and added words on the newer side, each line in its own direction', () => {
    const { container } = render(
      <DiffView
        diff={{
          from: { number: 1, source: 'ai', model: 'gpt-4.1-mini', createdBy: 'u1', createdAt: '2026-11-24T10:00:00Z' },
          to: { number: 2, source: 'manual', model: null, createdBy: 'u1', createdAt: '2026-11-24T11:00:00Z' },
          stats: { unchanged: 1, changed: 1, added: 0, removed: 0 },
          lines: [
            { type: 'changed', fromLine: 1, toLine: 1, segments: [{ type: 'equal', text: 'گوشی ' }, { type: 'removed', text: 'قدیمی' }, { type: 'added', text: 'تازه' }] },
            { type: 'unchanged', fromLine: 2, toLine: 2, text: 'English line' },
          ],
        }}
      />,
    );
    expect([...container.querySelectorAll('del')].map((node) => node.textContent)).toEqual(['قدیمی']);
    expect([...container.querySelectorAll('ins')].map((node) => node.textContent)).toEqual(['تازه']);
    expect(container.querySelectorAll('td[dir="auto"]')).toHaveLength(4);
  });
});
