import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentedText } from './commented-text';

afterEach(cleanup);

describe('CommentedText', () => {
  const text = 'مدل GPT-4.1 mini را برای متن‌های کوتاه انتخاب کنید.\nSecond paragraph in English 🙂 ends here.';

  it('highlights each anchored range in place: the text reads exactly as written, marks do not isolate', () => {
    const quote = '4.1 mini را';
    const start = text.indexOf(quote);
    const { container, getByTestId } = render(
      <CommentedText text={text} findings={[]} highlights={[{ id: 'c1', start, end: start + quote.length, resolved: false }]} />,
    );
    const body = getByTestId('content-body');
    expect(body.textContent).toBe(text);
    // Each paragraph takes its own direction; the block is for user text.
    expect(body.getAttribute('dir')).toBe('auto');
    expect(body.className).toContain('[unicode-bidi:plaintext]');
    const marks = [...container.querySelectorAll('mark[data-comment-ids]')];
    expect(marks.map((mark) => [mark.textContent, mark.getAttribute('data-comment-ids')])).toEqual([[quote, 'c1']]);
    // A highlight that starts inside a Latin phrase must not reorder it: no isolation on the mark.
    expect(marks[0]?.className).toContain('[unicode-bidi:normal]');
    expect(marks[0]?.className).not.toMatch(/unicode-bidi:(isolate|plaintext)/);
  });

  it('draws resolved comments dimmed, nests comment highlights inside a PII mark, and keeps one PII label', () => {
    const emoji = text.indexOf('🙂');
    const { container } = render(
      <CommentedText
        text={text}
        findings={[{ type: 'EMAIL', start: text.indexOf('Second'), end: text.indexOf(' paragraph') }]}
        highlights={[
          { id: 'open', start: text.indexOf('cond'), end: text.indexOf(' in English'), resolved: false },
          { id: 'done', start: emoji, end: emoji + 2, resolved: true },
        ]}
      />,
    );
    const pii = [...container.querySelectorAll('mark[data-pii]')];
    expect(pii).toHaveLength(1);
    expect(pii[0]?.textContent).toBe('Second');
    expect(pii[0]?.querySelector('mark[data-comment-ids="open"]')?.textContent).toBe('cond');
    const done = container.querySelector('mark[data-comment-ids="done"]');
    expect(done?.textContent).toBe('🙂');
    expect(done?.getAttribute('data-resolved')).toBe('true');
    expect(container.querySelector('[data-testid="content-body"]')?.textContent).toBe(text);
  });
});
