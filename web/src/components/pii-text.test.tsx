import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PiiText } from './pii-text';

afterEach(cleanup);

describe('PiiText', () => {
  const text = 'تماس: ۰۹۱۲ ۳۴۵ ۶۷۸۹ یا a@b.ir';

  it('marks each finding with its Persian type name, and the text reads exactly as written', () => {
    const { container } = render(
      <PiiText
        text={text}
        findings={[
          { type: 'IR_PHONE', start: 6, end: 19 },
          { type: 'EMAIL', start: 23, end: 29 },
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((mark) => [mark.textContent, mark.dataset.piiLabel])).toEqual([
      ['۰۹۱۲ ۳۴۵ ۶۷۸۹', 'موبایل'],
      ['a@b.ir', 'ایمیل'],
    ]);
    expect(marks[0]?.getAttribute('aria-label')).toBe('موبایل: ۰۹۱۲ ۳۴۵ ۶۷۸۹');
    // The names are drawn by CSS, so they are not part of the text a reader copies.
    expect(container.textContent).toBe(text);
  });
});
