import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationCards } from './organization-cards';

afterEach(cleanup);

const ACME = '11111111-1111-4111-8111-111111111111';
const AVA = '22222222-2222-4222-8222-222222222222';

describe('OrganizationCards', () => {
  const memberships = [
    { organizationId: ACME, organizationName: 'گزارش Q3 برای ACME', role: 'ADMIN' as const },
    { organizationId: AVA, organizationName: 'نشر آوا', role: 'VIEWER' as const },
  ];

  it('isolates each organization’s name and says the caller’s role in Persian', () => {
    render(<OrganizationCards memberships={memberships} current={ACME} />);

    const cards = within(screen.getByTestId('organization-cards')).getAllByRole('listitem');
    const mixed = within(cards[0]).getByText('گزارش Q3 برای ACME');
    expect(mixed.tagName).toBe('BDI');
    expect(cards[0].textContent).toContain('نقش شما: مدیر');
    expect(cards[1].textContent).toContain('نقش شما: بیننده');
  });

  it('links the other organizations to the home page, and shows the current one as text, so each name is one link at most', () => {
    render(<OrganizationCards memberships={memberships} current={ACME} />);

    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe(`/?org=${AVA}`);
    expect(links[0].textContent).toBe('نشر آوا');
    expect(screen.getByText('گزارش Q3 برای ACME').closest('[aria-current]')).not.toBeNull();
  });
});
