import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftWarnings } from './draft-warnings';

afterEach(cleanup);

const DRAFT = 'برای خرید Ava phone با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید, call us today.';
const PHONE = DRAFT.indexOf('۰۹۱۲');
const COMMA = DRAFT.indexOf(',');
const FINDINGS = [{ type: 'IR_PHONE', start: PHONE, end: PHONE + 13 }];
const ISSUES = [{ rule: 'latin-punctuation' as const, start: COMMA, end: COMMA + 1, suggestion: '،' }];

describe('DraftWarnings', () => {
  it('marks the phone number and the style issue inside the draft itself, in its own order, in one dir=auto block', () => {
    render(<DraftWarnings draft={DRAFT} pii={{ text: DRAFT, findings: FINDINGS }} style={{ text: DRAFT, issues: ISSUES }} onChange={() => undefined} />);
    const preview = screen.getByTestId('draft-preview');
    expect(preview.getAttribute('dir')).toBe('auto');
    // The marks do not move a character: the preview reads exactly as the draft.
    expect(preview.textContent).toBe(DRAFT);
    const phone = preview.querySelector('mark[data-draft-pii="IR_PHONE"]');
    expect(phone?.textContent).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(phone?.getAttribute('title')).toBe('موبایل');
    expect(preview.querySelector('mark[data-style-rule="latin-punctuation"]')?.textContent).toBe(',');
    // Latin words before and after stay where they are, around the marks.
    const order = [...preview.childNodes].map((node) => node.textContent);
    expect(order).toEqual(['برای خرید Ava phone با ', '۰۹۱۲ ۳۴۵ ۶۷۸۹', ' تماس بگیرید', ',', ' call us today.']);
  });

  it('lists the style issue with the words around it and applies it to the draft, not to the saved body', () => {
    const onChange = vi.fn();
    render(<DraftWarnings draft={DRAFT} pii={{ text: DRAFT, findings: FINDINGS }} style={{ text: DRAFT, issues: ISSUES }} onChange={onChange} />);
    const item = within(screen.getByTestId('draft-style')).getByRole('listitem');
    expect(item.textContent).toContain('تماس بگیرید');
    fireEvent.click(within(item).getByRole('button', { name: 'اعمال پیشنهاد «نشانه لاتین در جمله فارسی» برای «,» در پیش‌نویس' }));
    expect(onChange).toHaveBeenCalledWith(DRAFT.replace(',', '،'));
  });

  it('shows the draft plain while the scans lag behind it, so a mark never lands on the wrong words', () => {
    const typed = `${DRAFT} و بیشتر`;
    render(<DraftWarnings draft={typed} pii={{ text: DRAFT, findings: FINDINGS }} style={{ text: DRAFT, issues: ISSUES }} onChange={() => undefined} />);
    expect(screen.getByTestId('draft-preview').querySelectorAll('mark')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('در حال بررسی پیش‌نویس…');
    expect(screen.queryByTestId('draft-style')).toBeNull();
  });
});
