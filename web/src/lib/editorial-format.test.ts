import { describe, expect, it } from 'vitest';
import { formatDuration, formatFigure, formatRate } from './editorial-format';

describe('editorial figures in Persian', () => {
  it('shows an approval rate as a percentage in Persian digits, a dash without decisions', () => {
    expect(formatRate(0.6)).toBe('۶۰٪');
    expect(formatRate(0.6667)).toBe('۶۶٫۷٪');
    expect(formatRate(0)).toBe('۰٪');
    expect(formatRate(null)).toBe('—');
  });

  it('shows a duration in its two largest units', () => {
    expect(formatDuration(93_784)).toBe('۱ روز و ۲ ساعت');
    expect(formatDuration(7_260)).toBe('۲ ساعت و ۱ دقیقه');
    expect(formatDuration(45)).toBe('۴۵ ثانیه');
    expect(formatDuration(86_410)).toBe('۱ روز');
    expect(formatDuration(0.4)).toBe('۰ ثانیه');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows revisions with at most two decimals', () => {
    expect(formatFigure(0.33)).toBe('۰٫۳۳');
    expect(formatFigure(2)).toBe('۲');
    expect(formatFigure(null)).toBe('—');
  });
});
