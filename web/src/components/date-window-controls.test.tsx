import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetRange } from '@/lib/usage-range';
import { DateWindowControls } from './date-window-controls';

afterEach(cleanup);

describe('DateWindowControls', () => {
  it('writes a Jalali from and to, typed in Persian digits, as ISO days', () => {
    const onChange = vi.fn();
    render(<DateWindowControls idPrefix="usage" from="" to="" onChange={onChange} />);

    fireEvent.change(screen.getByLabelText('از تاریخ'), { target: { value: '۱۴۰۵/۰۹/۰۱' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-11-22' });
    fireEvent.change(screen.getByLabelText('تا تاریخ'), { target: { value: '۱۴۰۵/۰۹/۱۶' } });
    expect(onChange).toHaveBeenLastCalledWith({ to: '2026-12-07' });
    expect(screen.getByLabelText('از تاریخ').id).toBe('usage-from');
    expect(screen.getByLabelText('تا تاریخ').id).toBe('usage-to');
  });

  it('writes nothing while what is typed is no day', () => {
    const onChange = vi.fn();
    render(<DateWindowControls idPrefix="editorial" from="2026-11-22" to="" onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('از تاریخ'), { target: { value: '1405/13/01' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows the window in the URL in Jalali, marks the matching preset, and sets a preset as ISO days', () => {
    const onChange = vi.fn();
    const last30 = presetRange('last30') as { from: string; to: string };
    const { rerender } = render(<DateWindowControls idPrefix="usage" from="2026-11-22" to="2026-12-07" onChange={onChange} answered={{ from: '2026-11-21T20:30:00.000Z', to: '2026-12-07T20:30:00.000Z' }} answeredTestId="usage-window" />);
    expect((screen.getByLabelText('از تاریخ') as HTMLInputElement).value).toBe('۱۴۰۵/۰۹/۰۱');
    expect((screen.getByLabelText('تا تاریخ') as HTMLInputElement).value).toBe('۱۴۰۵/۰۹/۱۶');
    expect(screen.getByTestId('usage-window').textContent).toBe('گزارش از ۱ آذر ۱۴۰۵ تا ۱۶ آذر ۱۴۰۵');

    fireEvent.click(screen.getByRole('button', { name: '۳۰ روز گذشته' }));
    expect(onChange).toHaveBeenLastCalledWith(last30);
    rerender(<DateWindowControls idPrefix="usage" from={last30.from} to={last30.to} onChange={onChange} />);
    expect(screen.getByRole('button', { name: '۳۰ روز گذشته' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'دوره جاری' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '', to: '' });
  });
});
