import { formatNumber } from './format';

/** An approval rate (0–1, or null without decisions) as a Persian percentage: 0.6667 → ۶۶٫۷٪ */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

const UNITS = [
  { seconds: 86_400, name: 'روز' },
  { seconds: 3_600, name: 'ساعت' },
  { seconds: 60, name: 'دقیقه' },
  { seconds: 1, name: 'ثانیه' },
] as const;

/**
 * A duration in seconds as its two largest Persian units, in Persian digits: 93784 → «۱ روز و ۲ ساعت»,
 * 7260 → «۲ ساعت و ۱ دقیقه», 45 → «۴۵ ثانیه»; null (nothing measured) → «—».
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  let left = Math.max(0, Math.round(seconds));
  if (left === 0) return `${formatNumber(0)} ثانیه`;
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(left / unit.seconds);
    if (count > 0) parts.push(`${formatNumber(count)} ${unit.name}`);
    left -= count * unit.seconds;
    if (parts.length === 2) break;
    // Below the largest unit only the next one is shown: «۱ روز» not «۱ روز و ۱۰ ثانیه».
    if (parts.length === 1 && count === 0) break;
  }
  return parts.join(' و ');
}

/** A plain figure (revisions per approved content) with at most two decimals in Persian digits; null → «—». */
export function formatFigure(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 }).format(value);
}
