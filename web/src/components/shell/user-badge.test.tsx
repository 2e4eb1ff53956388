import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupPhone, PhoneNumber } from './phone-number';
import { apiAnswers, me, renderWithClient, stubApi } from './test-api';
import { UserBadge } from './user-badge';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UserBadge', () => {
  it('without a name shows the phone in Persian digits, grouped, inside a left-to-right isolate', async () => {
    stubApi(apiAnswers());
    renderWithClient(<UserBadge />);
    const phone = await screen.findByText('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(phone.tagName).toBe('BDI');
    expect(phone.getAttribute('dir')).toBe('ltr');
    expect(phone.textContent).not.toMatch(/[0-9]/);
    expect(phone.parentElement?.textContent).toBe('حساب شما: +۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹');
  });

  it('shows a mixed Persian and Latin name in its own direction, and not the phone', async () => {
    stubApi(apiAnswers({ me: { ...me, name: 'Sara رضایی' } }));
    renderWithClient(<UserBadge />);
    const name = await screen.findByText('Sara رضایی');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(screen.queryByText(/۹۱۲/)).toBeNull();
  });
});

describe('PhoneNumber', () => {
  it('groups an Iranian mobile and leaves other numbers as they are, in Persian digits', () => {
    expect(groupPhone('+989123456789')).toBe('+98 912 345 6789');
    expect(groupPhone('+4915112345678')).toBe('+4915112345678');
    render(<PhoneNumber phone="+4915112345678" />);
    expect(screen.getByText('+۴۹۱۵۱۱۲۳۴۵۶۷۸').getAttribute('dir')).toBe('ltr');
  });
});
