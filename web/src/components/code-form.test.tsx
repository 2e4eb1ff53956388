import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeForm } from './code-form';

afterEach(cleanup);

describe('CodeForm', () => {
  const renderForm = (onCode: (code: string) => Promise<unknown>) => render(<CodeForm id="confirm-code" label="کد ۶ رقمی برنامه" button="فعال کردن" busy={false} onCode={onCode} />);

  it('sends a code typed in Persian digits as Latin ones, then empties the field (a code works once)', async () => {
    const onCode = vi.fn(() => Promise.reject(new Error('wrong code')));
    renderForm(onCode);
    const field = screen.getByLabelText('کد ۶ رقمی برنامه') as HTMLInputElement;
    expect(field.getAttribute('dir')).toBe('ltr');

    fireEvent.change(field, { target: { value: '۱۲۳ ۴۵۶' } });
    fireEvent.click(screen.getByRole('button', { name: 'فعال کردن' }));

    await waitFor(() => expect(onCode).toHaveBeenCalledWith('123456'));
    await waitFor(() => expect(field.value).toBe(''));
  });

  it('says in Persian that six digits are needed, without sending', () => {
    const onCode = vi.fn(() => Promise.resolve());
    renderForm(onCode);
    const field = screen.getByLabelText('کد ۶ رقمی برنامه');

    fireEvent.change(field, { target: { value: '12a4' } });
    fireEvent.click(screen.getByRole('button', { name: 'فعال کردن' }));

    expect(onCode).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('کد ۶ رقمی برنامه احراز هویت را وارد کنید.')).toBeTruthy();
  });
});
