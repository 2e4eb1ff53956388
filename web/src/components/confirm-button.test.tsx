import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './confirm-button';

afterEach(cleanup);

function renderButton(onConfirm = vi.fn()) {
  render(<ConfirmButton trigger="حذف" title="حذف قالب" description="این قالب حذف شود؟" confirm="بله، حذف" onConfirm={onConfirm} />);
  return { onConfirm, button: screen.getByRole('button', { name: 'حذف' }) };
}

describe('ConfirmButton', () => {
  it('asks in a dialog named by its title before acting, then acts once and gives focus back to the button', async () => {
    const { onConfirm, button } = renderButton();
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    button.focus();
    fireEvent.click(button);

    const dialog = await screen.findByRole('dialog', { name: 'حذف قالب' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(dialog.textContent).toContain('این قالب حذف شود؟');
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'بله، حذف' }));

    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('does nothing when cancelled, and opens again afterwards', async () => {
    const { onConfirm, button } = renderButton();
    fireEvent.click(button);
    fireEvent.click(await screen.findByRole('button', { name: 'انصراف' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    expect(await screen.findByRole('dialog', { name: 'حذف قالب' })).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
