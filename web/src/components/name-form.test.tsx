import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api';
import { NameForm, nameProblem } from './name-form';

afterEach(cleanup);

describe('nameProblem', () => {
  it('refuses a name empty once trimmed or longer than 200 characters, and takes any other', () => {
    expect(nameProblem('   ')).toBe('این بخش را پر کنید.');
    expect(nameProblem('ا'.repeat(201))).toBe('حداکثر ۲۰۰ نویسه.');
    expect(nameProblem(' گزارش Q3 برای ACME ')).toBeUndefined();
  });
});

describe('NameForm', () => {
  it('says what is wrong under the field instead of sending an empty name', () => {
    const onCreate = vi.fn(() => Promise.resolve());
    render(<NameForm id="workspace-name" label="نام فضای کار" button="ساختن فضای کار" onCreate={onCreate} />);

    fireEvent.click(screen.getByRole('button', { name: 'ساختن فضای کار' }));

    expect(onCreate).not.toHaveBeenCalled();
    const field = screen.getByLabelText('نام فضای کار');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('این بخش را پر کنید.');
  });

  it('sends the trimmed name, in its own direction, and empties the field once created', async () => {
    const onCreate = vi.fn(() => Promise.resolve());
    render(<NameForm id="project-name" label="نام پروژه" button="ساختن پروژه" onCreate={onCreate} />);
    const field = screen.getByLabelText('نام پروژه') as HTMLInputElement;
    expect(field.getAttribute('dir')).toBe('auto');

    fireEvent.change(field, { target: { value: '  کمپین Black Friday ' } });
    fireEvent.click(screen.getByRole('button', { name: 'ساختن پروژه' }));

    await waitFor(() => expect(field.value).toBe(''));
    expect(onCreate).toHaveBeenCalledWith('کمپین Black Friday');
  });

  it('keeps the name and shows the API’s refusal in Persian', async () => {
    const onCreate = vi.fn(() => Promise.reject(new ApiError(403, 'FORBIDDEN', 'no', 'req-1')));
    render(<NameForm id="org-name" label="نام سازمان" button="ساختن سازمان" onCreate={onCreate} />);
    const field = screen.getByLabelText('نام سازمان') as HTMLInputElement;

    fireEvent.change(field, { target: { value: 'نشر آوا' } });
    fireEvent.click(screen.getByRole('button', { name: 'ساختن سازمان' }));

    expect((await screen.findByRole('alert')).textContent).toContain('نقش شما اجازه این کار را نمی‌دهد.');
    expect(field.value).toBe('نشر آوا');
  });
});
