import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '@/lib/types';
import { MemberName } from './member-name';

afterEach(cleanup);

describe('MemberName', () => {
  const member = (overrides: Partial<Member>): Pick<Member, 'name' | 'phone' | 'status'> => ({ name: null, phone: '+989351234567', status: 'active', ...overrides });

  it('shows an invited member by phone, with the «دعوت‌شده» badge', () => {
    render(<MemberName member={member({ status: 'invited' })} />);

    expect(screen.getByText('+989351234567').getAttribute('dir')).toBe('ltr');
    expect(screen.getByText('دعوت‌شده').getAttribute('title')).toBe('هنوز وارد کانتکسور نشده است');
  });

  it('shows an active member by name, without the badge', () => {
    render(<MemberName member={member({ name: 'سارا محمدی' })} />);

    expect(screen.getByText('سارا محمدی').getAttribute('dir')).toBe('auto');
    expect(screen.queryByText('دعوت‌شده')).toBeNull();
    expect(screen.queryByText('+989351234567')).toBeNull();
  });
});
