import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pagination } from './pagination';

describe('Pagination', () => {
  afterEach(cleanup);

  it('is absent when the list fits on one page', () => {
    const { container } = render(<Pagination page={1} pages={1} onPage={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('says the page in Persian digits and moves one page either way, never past the ends', () => {
    const onPage = vi.fn();
    render(<Pagination page={1} pages={12} onPage={onPage} />);
    expect(screen.getByRole('navigation').textContent).toContain('۱');
    expect(screen.getByRole('navigation').textContent).toContain('۱۲');
    expect(screen.getByRole('navigation').textContent).not.toMatch(/[0-9]/);
    const [previous, next] = screen.getAllByRole('button') as HTMLButtonElement[];
    expect(previous!.disabled).toBe(true);
    fireEvent.click(next!);
    expect(onPage).toHaveBeenCalledWith(2);
    cleanup();
    render(<Pagination page={12} pages={12} onPage={onPage} />);
    const [back, forward] = screen.getAllByRole('button') as HTMLButtonElement[];
    expect(forward!.disabled).toBe(true);
    fireEvent.click(back!);
    expect(onPage).toHaveBeenLastCalledWith(11);
  });
});
