import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fa } from '@/messages/fa';
import { IsolatedMessage } from './isolated-message';

afterEach(cleanup);

describe('IsolatedMessage', () => {
  it('puts a phone inside the Persian sentence in a left-to-right isolate, the sentence otherwise unchanged', () => {
    const { container } = render(
      <p>
        <IsolatedMessage message={fa.members.removeQuestion} value="+۹۸۹۳۵۱۲۳۴۵۶۷" ltr />
      </p>,
    );

    const phone = container.querySelector('bdi');
    expect(phone?.textContent).toBe('+۹۸۹۳۵۱۲۳۴۵۶۷');
    expect(phone?.getAttribute('dir')).toBe('ltr');
    expect(container.textContent).toBe(fa.members.removeQuestion('+۹۸۹۳۵۱۲۳۴۵۶۷'));
  });

  it('isolates a mixed name in its own direction (bdi without dir: the browser picks it from the text)', () => {
    const { container } = render(
      <h2>
        <IsolatedMessage message={fa.prompts.editing} value="گزارش Q3 برای ACME" />
      </h2>,
    );

    const name = container.querySelector('bdi');
    expect(name?.textContent).toBe('گزارش Q3 برای ACME');
    expect(name?.hasAttribute('dir')).toBe(false);
    expect(container.textContent).toBe('ویرایش «گزارش Q3 برای ACME»');
  });
});
