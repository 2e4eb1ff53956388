import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api';
import { Empty, ErrorBanner, Field, Loading } from './ui';

vi.mock('next/link', async () => ({ default: (await import('./shell/test-api')).PlainLink }));

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

describe('Loading', () => {
  it('is a status read as loading in Persian, its grey lines hidden from screen readers', () => {
    render(<Loading lines={4} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('در حال بارگذاری…');
    expect(status.querySelectorAll('[aria-hidden="true"]')).toHaveLength(4);
  });

  it('takes its own words', () => {
    render(<Loading label="در حال خواندن نسخه‌ها…" />);
    expect(screen.getByRole('status').textContent).toBe('در حال خواندن نسخه‌ها…');
  });
});

describe('Empty', () => {
  it('says why it is empty', () => {
    render(<Empty>هنوز محتوایی نیست.</Empty>);
    expect(screen.getByText('هنوز محتوایی نیست.').tagName).toBe('P');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('offers what to do: a link', () => {
    render(<Empty action={{ label: 'ساختن سازمان', href: '/?new=organization' }}>هنوز عضو سازمانی نیستید.</Empty>);
    expect(screen.getByRole('link', { name: 'ساختن سازمان' }).getAttribute('href')).toBe('/?new=organization');
  });

  it('offers what to do: a button', () => {
    const clear = vi.fn();
    render(<Empty action={{ label: 'پاک کردن فیلترها', onClick: clear }}>چیزی با این فیلترها نیست.</Empty>);
    fireEvent.click(screen.getByRole('button', { name: 'پاک کردن فیلترها' }));
    expect(clear).toHaveBeenCalledOnce();
  });
});

describe('Field', () => {
  it('describes its input with the hint, after any description the caller gives', () => {
    render(<Field id="phone" label="شماره موبایل" hint="با هر نوع رقم" aria-describedby="other" />);
    const input = screen.getByLabelText('شماره موبایل');
    expect(input.getAttribute('aria-describedby')).toBe('phone-hint other');
    expect(document.getElementById('phone-hint')?.textContent).toBe('با هر نوع رقم');
  });
});
