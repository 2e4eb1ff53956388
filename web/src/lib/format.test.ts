import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDate, formatNumber, formatUsd, toLatinDigits, toPersianDigits } from './format';

describe('format', () => {
  it('reads Persian and Arabic-Indic digits typed in inputs', () => {
    expect(toLatinDigits('۰۹۱۲ ٣٤٥ 6789')).toBe('0912 345 6789');
  });

  it('shows numbers and digits in Persian', () => {
    expect(formatNumber(1234567)).toBe('۱٬۲۳۴٬۵۶۷');
    expect(toPersianDigits('v2 12:05')).toBe('v۲ ۱۲:۰۵');
  });

  it('shows dates in the Jalali calendar', () => {
    expect(formatDate('2026-11-24T10:00:00Z')).toBe('۳ آذر ۱۴۰۵');
  });

  it('shows USD decimal strings without float rounding', () => {
    expect(formatUsd('0.000420')).toBe('$۰٫۰۰۰۴۲');
    expect(formatUsd('1234.500000')).toBe('$۱٬۲۳۴٫۵۰');
    expect(formatUsd('0.100000')).toBe('$۰٫۱۰');
    expect(formatUsd('12')).toBe('$۱۲٫۰۰');
  });

  it('counts down in m:ss with Persian digits', () => {
    expect(formatCountdown(120)).toBe('۲:۰۰');
    expect(formatCountdown(65)).toBe('۱:۰۵');
    expect(formatCountdown(-3)).toBe('۰:۰۰');
  });
});
