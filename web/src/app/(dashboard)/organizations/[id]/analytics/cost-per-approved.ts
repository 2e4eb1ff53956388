import { formatUsd } from '@/lib/format';

/** A cost per approved content, or a dash where nothing was approved. */
export const costPerApproved = (usd: string | null) => (usd === null ? '—' : formatUsd(usd));
