import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '@/lib/types';
import { MemberName } from './member-name';

afterEach(cleanup);

describe('MemberName', () => {
  const member = (overrides: Partial<Member>): Pick<Member, 'name' | 'phone' | 'status'> => ({ name: null, phone: '+989351234567', status: 'active', ...overrides });

  it('shows an invited member by phone, in Persian digits inside a left-to-right isolate, with the «دعوت‌شده» badge', () => {
    render(<MemberName member={member({ status: 'invited' })} />);

    const phone = screen.getByText('+۹۸۹۳۵۱۲۳۴۵۶۷');
    expect(phone.tagName).toBe('BDI');
    expect(phone.getAttribute('dir')).toBe('ltr');
    expect(screen.getByText('دعوت‌شده').getAttribute('title')).toBe('هنوز وارد کانتکسور نشده است');
  });

  it('shows an active member by name, isolated in its own direction, without the badge', () => {
    render(<MemberName member={member({ name: 'سارا محمدی' })} />);

    expect(screen.getByText('سارا محمدی').getAttribute('dir')).toBe('auto');
    expect(screen.queryByText('دعوت‌شده')).toBeNull();
    expect(screen.queryByText(/989351234567|۹۸۹۳۵۱۲۳۴۵۶۷/)).toBeNull();
  });

  it('isolates a mixed Persian and Latin name, so its words keep their order beside the badge', () => {
    render(<MemberName member={member({ name: 'Sara محمدی (ACME)', status: 'invited' })} />);

    const name = screen.getByText('Sara محمدی (ACME)');
    expect(name.tagName).toBe('BDI');
    expect(name.getAttribute('dir')).toBe('auto');
  });
});
