import { Money } from '#libs/ddd';

/** The decisions and approvals a group's rates are computed from. */
export interface DecisionCounts {
  approved: number;
  rejected: number;
  approvedContentIds: readonly string[];
}

/** approved / (approved + rejected) over the decisions of the window; null when there was none. */
export function approvalRate({ approved, rejected }: DecisionCounts): number | null {
  const decided = approved + rejected;
  return decided === 0 ? null : round(approved / decided, 4);
}

/**
 * The usage cost of the approved contents (all their usage, every generation and rejected round
 * included) divided by how many they are, in micro-dollars rounded half up; null without approvals.
 */
export function costPerApproved(counts: DecisionCounts, costOf: (contentId: string) => Money): Money | null {
  if (counts.approved === 0) return null;
  const total = counts.approvedContentIds.reduce((sum, id) => sum + costOf(id).micros, 0n);
  const divisor = BigInt(counts.approved);
  return Money.fromMicros((total * 2n + divisor) / (2n * divisor));
}

/** Every category named, with zero where none occurred, in the given order. */
export function rejectionsByCategory(
  categories: readonly string[],
  counted: Readonly<Record<string, number>>,
): Record<string, number> {
  const all: Record<string, number> = Object.fromEntries(categories.map((category) => [category, 0]));
  for (const [category, n] of Object.entries(counted)) all[category] = (all[category] ?? 0) + n;
  return all;
}

/** `value` to `digits` decimals (half away from zero); null stays null. */
export function round(value: number, digits: number): number;
export function round(value: number | null, digits: number): number | null;
export function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.sign(value) * (Math.round(Math.abs(value) * factor) / factor);
}
