import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStyleIssues, glossaryKey } from '@/lib/style-issues';
import type { StyleIssue } from '@/lib/types';
import { StyleIssues } from './style-issues';

const ZWNJ = '\u200c';
const BODY = 'این اپلیکیشن سریع تر اجرا می شود.';
const at = (part: string) => ({ start: BODY.indexOf(part), end: BODY.indexOf(part) + part.length });
const ISSUES: StyleIssue[] = [
  { rule: 'glossary-forbidden', ...at('اپلیکیشن'), suggestion: 'برنامه' },
  { rule: 'zwnj-tar', ...at('سریع تر'), suggestion: `سریع${ZWNJ}تر` },
  { rule: 'zwnj-mi', ...at('می شود'), suggestion: `می${ZWNJ}شود` },
];

describe('applyStyleIssues', () => {
  it('puts each suggestion in place of its range, whatever the order given', () => {
    expect(applyStyleIssues(BODY, [ISSUES[2]!, ISSUES[0]!])).toBe(`این برنامه سریع تر اجرا می${ZWNJ}شود.`);
    expect(applyStyleIssues(BODY, ISSUES)).toBe(`این برنامه سریع${ZWNJ}تر اجرا می${ZWNJ}شود.`);
  });

  it('skips an issue that overlaps one applied, and removes text for an empty suggestion', () => {
    expect(applyStyleIssues('a  b', [{ start: 1, end: 3, suggestion: ' ' }, { start: 2, end: 3, suggestion: 'x' }])).toBe('a b');
    expect(applyStyleIssues('رقیب نما را', [{ start: 0, end: 9, suggestion: '' }])).toBe('را');
  });
});

describe('glossaryKey', () => {
  it('compares terms as the API does', () => {
    expect(glossaryKey(' كتاب‌ها  API ')).toBe('کتاب ها api');
  });
});

describe('StyleIssues', () => {
  afterEach(cleanup);

  it('names each rule in Persian with its text and suggestion, and applies one or all', () => {
    const onApply = vi.fn();
    render(<StyleIssues body={BODY} issues={ISSUES} canApply pending={false} onApply={onApply} />);

    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByText('واژه ممنوع در واژه‌نامه')).toBeTruthy();
    expect(within(items[0]!).getByText('اپلیکیشن')).toBeTruthy();
    expect(within(items[0]!).getByText('برنامه')).toBeTruthy();
    expect(within(items[1]!).getByText('سریع␣تر')).toBeTruthy();
    expect(within(items[2]!).getByText('نیم‌فاصله در «می‌»')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'اعمال پیشنهاد «نیم‌فاصله در «می‌»» برای «می␣شود»' }));
    expect(onApply).toHaveBeenLastCalledWith(`این اپلیکیشن سریع تر اجرا می${ZWNJ}شود.`);

    fireEvent.click(screen.getByRole('button', { name: 'اعمال همه' }));
    expect(onApply).toHaveBeenLastCalledWith(`این برنامه سریع${ZWNJ}تر اجرا می${ZWNJ}شود.`);
  });

  it('shows no buttons to a reader, and nothing at all without issues', () => {
    const { container, rerender } = render(<StyleIssues body={BODY} issues={ISSUES} canApply={false} pending={false} onApply={vi.fn()} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    rerender(<StyleIssues body={BODY} issues={[]} canApply pending={false} onApply={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('says when a suggestion removes the text', () => {
    render(<StyleIssues body="رقیب نما را" issues={[{ rule: 'glossary-forbidden', start: 0, end: 9, suggestion: '' }]} canApply pending={false} onApply={vi.fn()} />);
    expect(screen.getByText('حذف شود')).toBeTruthy();
  });
});
