import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffView, InlineDiff } from './diff-view';

afterEach(cleanup);

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

describe('DiffView and InlineDiff on a mixed Persian and English line', () => {
  const mixed = {
    from: { number: 2, source: 'ai', model: 'gpt-4.1-mini', createdBy: 'u1', createdAt: '2026-11-24T10:00:00Z' },
    to: { number: 5, source: 'manual', model: null, createdBy: 'u1', createdAt: '2026-11-24T11:00:00Z' },
    stats: { unchanged: 0, changed: 1, added: 1, removed: 1 },
    lines: [
      {
        type: 'changed',
        fromLine: 1,
        toLine: 1,
        segments: [
          { type: 'equal', text: 'مدل ' },
          { type: 'removed', text: 'GPT-4' },
          { type: 'added', text: 'GPT-4.1 mini' },
          { type: 'equal', text: ' برای متن ' },
          { type: 'removed', text: 'بلند' },
          { type: 'added', text: 'کوتاه' },
          { type: 'equal', text: ' است.' },
        ],
      },
      { type: 'removed', fromLine: 2, text: 'Old English line' },
      { type: 'added', toLine: 12, text: 'سطر تازه' },
    ],
  } as const;

  it('inline: one column, each line once with its removed and added words where they stand, in Persian line numbers', () => {
    const { container } = render(<InlineDiff diff={mixed as never} />);
    const paragraphs = [...container.querySelectorAll('p')];
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs.every((p) => p.getAttribute('dir') === 'auto')).toBe(true);
    // Reading order of the first line: equal, removed, added, equal, removed, added, equal.
    expect([...paragraphs[0]!.childNodes].map((node) => `${node.nodeName}:${node.textContent}`)).toEqual([
      'SPAN:مدل ',
      'DEL:GPT-4',
      'INS:GPT-4.1 mini',
      'SPAN: برای متن ',
      'DEL:بلند',
      'INS:کوتاه',
      'SPAN: است.',
    ]);
    expect(paragraphs[1]!.querySelector('del')?.textContent).toBe('Old English line');
    expect(paragraphs[2]!.querySelector('ins')?.textContent).toBe('سطر تازه');
    expect(container.textContent).toContain('۱۲');
    const numbers = [...container.querySelectorAll('tbody td:not(:last-child)')].map((cell) => cell.textContent);
    expect(numbers).toEqual(['۱', '۱', '۲', '', '', '۱۲']);
  });

  it('side by side: the older words on the older side and the newer on the newer, each in order, headed by the versions', () => {
    const { container } = render(<DiffView diff={mixed as never} />);
    const [older, newer] = [...container.querySelectorAll('tbody tr')[0]!.querySelectorAll('td[dir="auto"]')];
    expect([...older!.childNodes].map((node) => `${node.nodeName}:${node.textContent}`)).toEqual(['SPAN:مدل ', 'DEL:GPT-4', 'SPAN: برای متن ', 'DEL:بلند', 'SPAN: است.']);
    expect([...newer!.childNodes].map((node) => `${node.nodeName}:${node.textContent}`)).toEqual(['SPAN:مدل ', 'INS:GPT-4.1 mini', 'SPAN: برای متن ', 'INS:کوتاه', 'SPAN: است.']);
    expect(within(container).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['نسخه ۲ (قدیمی‌تر)', 'نسخه ۵ (تازه‌تر)']);
  });
});
