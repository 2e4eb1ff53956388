import { Money } from '#libs/ddd';
import type { UsagePeriod } from './usage-period';

/**
 * The forecast of a period's usage from its burn rate.
 *
 * - `burnPerDay` blends two rates over whole local days (days cut at midnight in the calendar's
 *   time zone, as the reports cut them; today, still partial, counts in `used` but not in a rate):
 *   the trailing week (the last 7 whole days ÷ 7) and the period so far (its whole days ÷ their
 *   number), weighted `TRAILING_WEIGHT` : 1 − `TRAILING_WEIGHT`. The week follows a change of pace
 *   within days; the period damps one unusual week; neither is known to be better, so half each.
 * - Fewer than 7 whole days in the period: both windows are the period's whole days, so the rate
 *   is the period so far. No whole day yet (its first day): the last 7 whole days before the period
 *   ÷ 7, the best evidence there is. No usage in those days: 0 per day.
 * - `projected` = used + burnPerDay × the days left until the period ends (fractional).
 * - `exhaustsAt`: the first instant (rounded up to the second) at which the token or the cost limit,
 *   whichever comes first, would be reached at that rate, if before the period ends; `now` when a
 *   limit is already reached (the moment it was crossed is not what the forecast is about: it has
 *   run out); null without limits, without burn, or when the period ends first.
 */
export const TRAILING_DAYS = 7;
export const TRAILING_WEIGHT = 0.5;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Usage of one local day: `day` is its date `YYYY-MM-DD` in the calendar's time zone. */
export interface DailyUsage {
  day: string;
  tokens: number;
  cost: Money;
}

export interface ForecastLimits {
  /** null = unlimited */
  tokens: number | null;
  /** null = unlimited */
  cost: Money | null;
}

export interface ForecastInput {
  period: UsagePeriod;
  now: Date;
  /** Minutes east of UTC of the calendar's time zone (its days start at its midnights). */
  utcOffsetMinutes: number;
  /** Usage per local day over at least `forecastReadWindow`; days outside it are ignored. */
  days: DailyUsage[];
  limits: ForecastLimits;
}

export type ForecastLimitName = 'tokens' | 'cost';

export interface UsageForecast {
  period: UsagePeriod;
  used: { tokens: number; cost: Money };
  /** Tokens rounded to the nearest whole token, cost to the nearest micro-dollar (half up). */
  projected: { tokens: number; cost: Money };
  burnPerDay: { tokens: number; cost: Money };
  /** The exact rate, before rounding (tokens per day, micro-USD per day). */
  rate: { tokensPerDay: number; costMicrosPerDay: number };
  /** Whole local days of the period before today, and the days left until it ends. */
  elapsedWholeDays: number;
  remainingDays: number;
  exhaustsAt: Date | null;
  /** Which limit runs out first (at `exhaustsAt`); null when none does this period. */
  exhaustsLimit: ForecastLimitName | null;
}

/** 00:00 local time of the day that holds `instant`, as an instant. */
export function startOfLocalDayHolding(instant: Date, utcOffsetMinutes: number): Date {
  const shift = utcOffsetMinutes * MINUTE_MS;
  return new Date(Math.floor((instant.getTime() + shift) / DAY_MS) * DAY_MS - shift);
}

/**
 * What the forecast must read, `[from, to)`: the period until now, and on its first day (no whole
 * day yet) the 7 whole days before it as well.
 */
export function forecastReadWindow(period: UsagePeriod, now: Date, utcOffsetMinutes: number): { from: Date; to: Date } {
  const today = startOfLocalDayHolding(now, utcOffsetMinutes);
  const from =
    today.getTime() <= period.start.getTime() ? today.getTime() - TRAILING_DAYS * DAY_MS : period.start.getTime();
  return { from: new Date(from), to: now };
}

interface Sum {
  tokens: number;
  micros: bigint;
}

export function forecastUsage(input: ForecastInput): UsageForecast {
  const { period, now, utcOffsetMinutes, limits } = input;
  const shift = utcOffsetMinutes * MINUTE_MS;
  const today = startOfLocalDayHolding(now, utcOffsetMinutes).getTime();
  const start = period.start.getTime();
  const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - shift;
  const sumWhere = (keep: (dayStart: number) => boolean): Sum =>
    input.days.reduce<Sum>(
      (sum, day) =>
        keep(startOf(day.day)) ? { tokens: sum.tokens + day.tokens, micros: sum.micros + day.cost.micros } : sum,
      { tokens: 0, micros: 0n },
    );

  const used = sumWhere((dayStart) => dayStart >= start && dayStart <= now.getTime());
  const elapsedWholeDays = Math.max(0, Math.round((today - start) / DAY_MS));
  const rateOf = (sum: Sum, days: number) => ({ tokens: sum.tokens / days, micros: Number(sum.micros) / days });

  let rate: { tokens: number; micros: number };
  if (elapsedWholeDays === 0) {
    rate = rateOf(
      sumWhere((dayStart) => dayStart >= today - TRAILING_DAYS * DAY_MS && dayStart < today),
      TRAILING_DAYS,
    );
  } else {
    const periodSoFar = rateOf(
      sumWhere((dayStart) => dayStart >= start && dayStart < today),
      elapsedWholeDays,
    );
    const trailingDays = Math.min(TRAILING_DAYS, elapsedWholeDays);
    const trailing = rateOf(
      sumWhere((dayStart) => dayStart >= today - trailingDays * DAY_MS && dayStart < today),
      trailingDays,
    );
    rate = {
      tokens: TRAILING_WEIGHT * trailing.tokens + (1 - TRAILING_WEIGHT) * periodSoFar.tokens,
      micros: TRAILING_WEIGHT * trailing.micros + (1 - TRAILING_WEIGHT) * periodSoFar.micros,
    };
  }

  const remainingMs = Math.max(0, period.end.getTime() - now.getTime());
  const remainingDays = remainingMs / DAY_MS;
  const usedCost = Money.fromMicros(used.micros);

  const reachedAt = (limit: number, usedValue: number, perDay: number): number | null => {
    if (usedValue >= limit) return now.getTime();
    if (perDay <= 0) return null;
    const at = now.getTime() + Math.ceil((((limit - usedValue) / perDay) * DAY_MS) / 1000) * 1000;
    return at < period.end.getTime() ? at : null;
  };
  const candidates: { limit: ForecastLimitName; at: number }[] = [];
  if (limits.tokens !== null) {
    const at = reachedAt(limits.tokens, used.tokens, rate.tokens);
    if (at !== null) candidates.push({ limit: 'tokens', at });
  }
  if (limits.cost !== null) {
    const at = reachedAt(Number(limits.cost.micros), Number(used.micros), rate.micros);
    if (at !== null) candidates.push({ limit: 'cost', at });
  }
  const first = candidates.sort((a, b) => a.at - b.at)[0];

  return {
    period,
    used: { tokens: used.tokens, cost: usedCost },
    projected: {
      tokens: Math.round(used.tokens + rate.tokens * remainingDays),
      cost: usedCost.add(Money.fromMicros(Math.round(rate.micros * remainingDays))),
    },
    burnPerDay: { tokens: Math.round(rate.tokens), cost: Money.fromMicros(Math.round(rate.micros)) },
    rate: { tokensPerDay: rate.tokens, costMicrosPerDay: rate.micros },
    elapsedWholeDays,
    remainingDays,
    exhaustsAt: first ? new Date(first.at) : null,
    exhaustsLimit: first?.limit ?? null,
  };
}
