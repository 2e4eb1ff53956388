import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import { ErrorBanner } from './ui';

afterEach(cleanup);

describe('ErrorBanner and two-factor', () => {
  it('links TWO_FACTOR_ENROLMENT_REQUIRED to the security page', () => {
    render(<ErrorBanner error={new ApiError(403, 'TWO_FACTOR_ENROLMENT_REQUIRED', '', 'req-1')} />);

    expect(screen.getByRole('alert').textContent).toContain('ورود دومرحله‌ای را برای مدیرانش الزامی کرده است');
    expect(screen.getByRole('link', { name: 'رفتن به امنیت حساب' }).getAttribute('href')).toBe('/settings/security');
  });

  it('says a cancelled step-up in Persian, without a link', () => {
    render(<ErrorBanner error={new ApiError(403, 'STEP_UP_REQUIRED', '', 'req-2')} />);

    expect(screen.getByRole('alert').textContent).toContain('تأیید دومرحله‌ای می‌خواهد');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
