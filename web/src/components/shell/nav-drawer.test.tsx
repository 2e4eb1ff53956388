import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NavDrawer } from './nav-drawer';
import { apiAnswers, me, PROJECT_1, renderWithClient, stubApi } from './test-api';

let pathname = '/';
vi.mock('next/navigation', () => ({ usePathname: () => pathname, useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));
vi.mock('next/link', async () => ({ default: (await import('./test-api')).PlainLink }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const menuButton = () => screen.getByRole('button', { name: /^منو/ });

/** A button pressed from the keyboard: the browser turns Enter on a focused button into a click. */
function pressEnter(button: HTMLElement) {
  button.focus();
  fireEvent.keyDown(button, { key: 'Enter' });
  fireEvent.click(button);
}

describe('NavDrawer', () => {
  it('opens the navigation in a modal dialog with focus inside; Escape closes it and gives focus back to the menu button', async () => {
    pathname = '/';
    stubApi(apiAnswers());
    renderWithClient(<NavDrawer />);
    expect(screen.queryByRole('dialog')).toBeNull();

    const menu = menuButton();
    pressEnter(menu);
    const drawer = await screen.findByRole('dialog', { name: 'منو' });
    expect(drawer.contains(document.activeElement)).toBe(true);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(within(drawer).getByRole('navigation', { name: 'پیمایش سازمان‌ها' })).toBeTruthy();
    expect(await within(drawer).findByText('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹')).toBeTruthy();
    expect(within(drawer).getByRole('link', { name: 'امنیت حساب' })).toBeTruthy();
    expect(within(drawer).getByRole('button', { name: 'خروج' })).toBeTruthy();

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(menu));
  });

  it('tells on the closed menu how many contents wait for review, in Persian digits, in its name', async () => {
    pathname = '/';
    stubApi(apiAnswers());
    renderWithClient(<NavDrawer />);
    expect((await screen.findByTestId('menu-reviews-count')).textContent).toBe('۳');
    expect(menuButton().textContent).toBe('منو۳، ۳ محتوا در انتظار بررسی');
    await waitFor(() => expect(screen.getByRole('button', { name: /^منو،? ?۳ محتوا در انتظار بررسی$/ })).toBeTruthy());
  });

  it('shows no count to someone who reviews nothing', async () => {
    pathname = '/';
    stubApi(apiAnswers({ me: { ...me, memberships: me.memberships.filter((membership) => membership.role !== 'ADMIN') } }));
    renderWithClient(<NavDrawer />);
    await screen.findByRole('button', { name: 'منو' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('menu-reviews-count')).toBeNull();
  });

  it('keeps Tab inside while open: from the last control to the first and back', async () => {
    pathname = '/';
    stubApi(apiAnswers());
    renderWithClient(<NavDrawer />);
    pressEnter(menuButton());
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('Studio Mehr');
    const close = within(drawer).getByRole('button', { name: 'بستن منو' });
    const signOut = within(drawer).getByRole('button', { name: 'خروج' });

    signOut.focus();
    fireEvent.keyDown(signOut, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(signOut);
  });

  it('closes with its close button, and when a link in it is followed', async () => {
    pathname = '/';
    stubApi(apiAnswers());
    renderWithClient(<NavDrawer />);

    pressEnter(menuButton());
    pressEnter(within(await screen.findByRole('dialog')).getByRole('button', { name: 'بستن منو' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(menuButton()));

    pressEnter(menuButton());
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('link', { name: 'امنیت حساب' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes when the page changes under it (back and forward included)', async () => {
    pathname = '/';
    stubApi(apiAnswers());
    const view = renderWithClient(<NavDrawer />);
    pressEnter(menuButton());
    await screen.findByRole('dialog');

    pathname = `/projects/${PROJECT_1}`;
    await act(async () => view.rerender(<NavDrawer />));
    expect(screen.queryByRole('dialog')).toBeNull();

    // Back on the page it was opened on, it stays closed.
    pathname = '/';
    await act(async () => view.rerender(<NavDrawer />));
    expect(screen.queryByRole('dialog')).toBeNull();
    pressEnter(menuButton());
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });
});
