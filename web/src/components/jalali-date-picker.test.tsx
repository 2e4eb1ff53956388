import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JalaliDatePicker } from './jalali-date-picker';

afterEach(cleanup);
// The calendar's module is loaded on first opening; loading it once here keeps that out of each test's time.
beforeAll(() => import('./jalali-calendar'), 30_000);

/** A page that keeps the picker's value, as the usage page keeps it in the URL. */
function Controlled({ initial = '', onChange }: { initial?: string; onChange?: (value: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <JalaliDatePicker
        id="from"
        label="از تاریخ"
        value={value}
        onChange={(next) => {
          onChange?.(next);
          if (next !== null) setValue(next);
        }}
      />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('2026-03-21')}>
        preset
      </button>
    </>
  );
}

const field = () => screen.getByLabelText('از تاریخ') as HTMLInputElement;

describe('JalaliDatePicker', () => {
  it.each([
    ['Persian digits', '۱۴۰۵/۰۹/۱۶'],
    ['Arabic-Indic digits', '١٤٠٥/٠٩/١٦'],
    ['Latin digits without zeros', '1405/9/16'],
  ])('reads a Jalali date typed in %s as the ISO day', (_, typed) => {
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);

    fireEvent.change(field(), { target: { value: typed } });
    fireEvent.blur(field());

    expect(onChange).toHaveBeenLastCalledWith('2026-12-07');
    expect(screen.getByTestId('value').textContent).toBe('2026-12-07');
    // Once settled, the day is written out in Persian digits.
    expect(field().value).toBe('۱۴۰۵/۰۹/۱۶');
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows an ISO value as a Jalali date in Persian digits, and follows a value set from outside', () => {
    render(<Controlled initial="2026-12-07" />);
    expect(field().value).toBe('۱۴۰۵/۰۹/۱۶');

    fireEvent.click(screen.getByRole('button', { name: 'preset' }));
    expect(field().value).toBe('۱۴۰۵/۰۱/۰۱');
  });

  it('marks a day that does not exist with a Persian error, and keeps the last good value', () => {
    const onChange = vi.fn();
    render(<Controlled initial="2026-12-07" onChange={onChange} />);

    fireEvent.change(field(), { target: { value: '1405/13/01' } });
    // No error while typing: only once the field is left.
    expect(field().getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(field());

    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(field().value).toBe('1405/13/01');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText(/این تاریخ شمسی درست نیست/);
    expect(field().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(screen.getByTestId('value').textContent).toBe('2026-12-07');

    fireEvent.change(field(), { target: { value: '1405/12/01' } });
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/این تاریخ شمسی درست نیست/)).toBeNull();
  });

  it('empties the value when the field is emptied', () => {
    const onChange = vi.fn();
    render(<Controlled initial="2026-12-07" onChange={onChange} />);
    fireEvent.change(field(), { target: { value: '' } });
    fireEvent.blur(field());
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it('opens a Persian calendar on the chosen day, moves by arrows right to left, picks with Enter and returns focus', async () => {
    const onChange = vi.fn();
    render(<Controlled initial="2026-12-07" onChange={onChange} />);
    const toggle = screen.getByRole('button', { name: 'از تاریخ: انتخاب از تقویم' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    const dialog = await screen.findByRole('dialog', { name: 'تقویم از تاریخ' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const grid = await screen.findByRole('grid');
    expect(grid.getAttribute('aria-label')).toMatch(/آذر ۱۴۰۵/);
    // Weeks start on Saturday, in Persian.
    expect(dialog.querySelector('th')?.getAttribute('aria-label')).toBe('شنبه');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/۱۶ آذر ۱۴۰۵/));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/انتخاب‌شده/);

    // Right to left: the left arrow is the next day, the down arrow the next week.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/۲۴ آذر ۱۴۰۵/));
    // Enter on a focused button is the browser's click.
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    fireEvent.click(document.activeElement as Element);

    expect(onChange).toHaveBeenLastCalledWith('2026-12-15');
    expect(field().value).toBe('۱۴۰۵/۰۹/۲۴');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('closes the calendar with Escape, returning focus to its button, and leaves the value alone', async () => {
    const onChange = vi.fn();
    render(<Controlled initial="2026-12-07" onChange={onChange} />);
    const toggle = screen.getByRole('button', { name: 'از تاریخ: انتخاب از تقویم' });
    fireEvent.click(toggle);
    await screen.findByRole('grid');
    await waitFor(() => expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull());

    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(onChange).not.toHaveBeenCalled();
    expect(field().value).toBe('۱۴۰۵/۰۹/۱۶');
  });
});
