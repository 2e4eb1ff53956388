import { toLatinDigits } from './format';

export type LimitField = 'tokens' | 'cost' | 'perUser';
export type LimitsInput = Record<LimitField, string> & { calendar: 'gregorian' | 'jalali' };

/** The body of PUT …/usage/limits: an empty field means unlimited (null). */
export interface LimitsBody {
  monthlyTokenLimit: number | null;
  monthlyCostLimitUsd: string | null;
  perUserMonthlyTokenLimit: number | null;
  calendar: LimitsInput['calendar'];
}

/** Token limits are whole numbers, the cost limit a USD amount with up to 6 decimals; empty means unlimited. */
const PATTERNS: Record<LimitField, RegExp> = { tokens: /^\d{1,12}$/, cost: /^\d{1,9}(\.\d{1,6})?$/, perUser: /^\d{1,12}$/ };

/** A limit as typed, in any digit script (with ٫ as the decimal point), trimmed, in Latin digits. */
export function limitValue(typed: string): string {
  return toLatinDigits(typed.trim()).replace('٫', '.');
}

/** The fields whose value is not a limit, in the form's order. */
export function limitsProblems(input: LimitsInput): LimitField[] {
  return (Object.keys(PATTERNS) as LimitField[]).filter((field) => {
    const value = limitValue(input[field]);
    return value !== '' && !PATTERNS[field].test(value);
  });
}

export function limitsBody(input: LimitsInput): LimitsBody {
  const tokens = limitValue(input.tokens);
  const cost = limitValue(input.cost);
  const perUser = limitValue(input.perUser);
  return {
    monthlyTokenLimit: tokens ? Number(tokens) : null,
    monthlyCostLimitUsd: cost || null,
    perUserMonthlyTokenLimit: perUser ? Number(perUser) : null,
    calendar: input.calendar,
  };
}
