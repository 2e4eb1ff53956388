import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDate, formatNumber, formatRelativeTime, formatUsd, toLatinDigits, toPersianDigits } from './format';

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

  it('says how long ago in Persian, and the Jalali date from a week on', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelativeTime(ago(20_000), now)).toBe('اکنون');
    expect(formatRelativeTime(ago(5 * 60_000 + 10_000), now)).toBe('۵ دقیقه پیش');
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe('۳ ساعت پیش');
    expect(formatRelativeTime(ago(26 * 3_600_000), now)).toBe('دیروز');
    expect(formatRelativeTime(ago(4 * 86_400_000), now)).toBe('۴ روز پیش');
    expect(formatRelativeTime(ago(8 * 86_400_000), now)).toBe('۲۵ آبان ۱۴۰۵');
    // A server clock a little ahead is not «in a minute».
    expect(formatRelativeTime(new Date(now + 5_000).toISOString(), now)).toBe('اکنون');
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
