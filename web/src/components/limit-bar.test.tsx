import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LimitBar } from './limit-bar';

const fillWidth = () => Number.parseFloat((screen.getByTestId('limit-fill') as HTMLElement).style.width);

afterEach(cleanup);

describe('LimitBar', () => {
  it('places the 80 % and 100 % marks on a bar that runs to 120 % of the limit', () => {
    render(<LimitBar label="سقف توکن" used={500} limit={1000} shown="۵۰۰ / ۱٬۰۰۰" />);
    const marks = screen.getAllByTestId('limit-mark').map((mark) => Number.parseFloat((mark as HTMLElement).style.insetInlineStart));
    expect(marks[0]).toBeCloseTo((80 / 120) * 100);
    expect(marks[1]).toBeCloseTo((100 / 120) * 100);
    expect(fillWidth()).toBeCloseTo((50 / 120) * 100);
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('۵۰۰ / ۱٬۰۰۰ (۵۰٪)');
  });

  it('turns amber from 80 % and red from 100 %, and shows use beyond the limit past its mark', () => {
    const { rerender } = render(<LimitBar label="سقف" used={850} limit={1000} shown="" />);
    expect(screen.getByTestId('limit-fill').className).toContain('bg-amber-500');
    rerender(<LimitBar label="سقف" used={1100} limit={1000} shown="" />);
    expect(screen.getByTestId('limit-fill').className).toContain('bg-rose-500');
    expect(fillWidth()).toBeGreaterThan((100 / 120) * 100);
    rerender(<LimitBar label="سقف" used={5000} limit={1000} shown="" />);
    expect(fillWidth()).toBe(100);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('120');
  });

  it('says unlimited and draws no bar when there is no limit', () => {
    render(<LimitBar label="سقف" used={10} limit={null} shown="" />);
    expect(screen.getByText('نامحدود')).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });
});
