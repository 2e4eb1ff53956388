import * as jalaali from 'jalaali-js';
import { Money } from '#libs/ddd';
import { forecastReadWindow, forecastUsage, type DailyUsage, type ForecastLimits } from './usage-forecast';
import { TEHRAN_UTC_OFFSET_MINUTES, UsagePeriod, type UsageCalendar } from './usage-period';

const day = (date: string, tokens: number, micros: number): DailyUsage => ({
  day: date,
  tokens,
  cost: Money.fromMicros(micros),
});
const UNLIMITED: ForecastLimits = { tokens: null, cost: null };

function forecast(
  now: string,
  days: DailyUsage[],
  limits: ForecastLimits = UNLIMITED,
  calendar: UsageCalendar = 'gregorian',
) {
  const instant = new Date(now);
  return forecastUsage({
    period: UsagePeriod.containing(instant, calendar, jalaali),
    now: instant,
    utcOffsetMinutes: calendar === 'jalali' ? TEHRAN_UTC_OFFSET_MINUTES : 0,
    days,
    limits,
  });
}

// November 2026 (gregorian, 30 days). Nov 1–7: 1 000 tokens and 1 000 µ$ a day; Nov 8–14: 3 000 of each;
// today (Nov 15, until 12:00 UTC): 500 of each.
const NOVEMBER = [
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => day(`2026-11-0${d}`, 1_000, 1_000)),
  ...[8, 9, 10, 11, 12, 13, 14].map((d) => day(`2026-11-${String(d).padStart(2, '0')}`, 3_000, 3_000)),
  day('2026-11-15', 500, 500),
];

describe('forecastUsage', () => {
  describe('mid-period (14 whole days elapsed)', () => {
    // used = 7×1 000 + 7×3 000 + 500 = 28 500; trailing week 21 000 ÷ 7 = 3 000 a day; period so far
    // 28 000 ÷ 14 = 2 000 a day; burn = ½ × 3 000 + ½ × 2 000 = 2 500 a day; 15.5 days remain.
    const NOW = '2026-11-15T12:00:00Z';

    it('blends the trailing week and the period so far, half each, and projects over the fractional days left', () => {
      const result = forecast(NOW, NOVEMBER);
      expect(result.elapsedWholeDays).toBe(14);
      expect(result.remainingDays).toBe(15.5);
      expect(result.used).toEqual({ tokens: 28_500, cost: Money.parse('0.028500') });
      expect(result.burnPerDay).toEqual({ tokens: 2_500, cost: Money.parse('0.002500') });
      // 28 500 + 2 500 × 15.5 = 67 250
      expect(result.projected).toEqual({ tokens: 67_250, cost: Money.parse('0.067250') });
      expect(result.exhaustsAt).toBeNull();
      expect(result.exhaustsLimit).toBeNull();
    });

    it('names the instant the token limit is reached at that rate', () => {
      // (53 500 − 28 500) ÷ 2 500 = 10 days after now
      const result = forecast(NOW, NOVEMBER, { tokens: 53_500, cost: Money.parse('0.100000') });
      expect(result.exhaustsAt?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
      expect(result.exhaustsLimit).toBe('tokens');
    });

    it('takes whichever limit runs out first', () => {
      // cost: (40 000 − 28 500) µ$ ÷ 2 500 µ$ = 4.6 days = 4 d 14 h 24 min, before the tokens' 10 days
      const result = forecast(NOW, NOVEMBER, { tokens: 53_500, cost: Money.parse('0.040000') });
      expect(result.exhaustsAt?.toISOString()).toBe('2026-11-20T02:24:00.000Z');
      expect(result.exhaustsLimit).toBe('cost');
    });

    it('answers null when the limit would be reached only at the end of the period or later', () => {
      expect(forecast(NOW, NOVEMBER, { tokens: 67_250, cost: null }).exhaustsAt).toBeNull();
      expect(forecast(NOW, NOVEMBER, { tokens: 67_249, cost: null }).exhaustsAt?.toISOString()).toBe(
        // 38 749 ÷ 2 500 days = 15.4996 days = 1 339 165.44 s, rounded up to the second
        new Date(Date.parse(NOW) + 1_339_166_000).toISOString(),
      );
    });

    it('answers now when a limit is already reached', () => {
      const result = forecast(NOW, NOVEMBER, { tokens: 28_500, cost: Money.parse('1.000000') });
      expect(result.exhaustsAt?.toISOString()).toBe('2026-11-15T12:00:00.000Z');
      expect(result.exhaustsLimit).toBe('tokens');
    });

    it('ignores days before the period once it has a whole day', () => {
      const withOctober = [day('2026-10-31', 1_000_000, 1_000_000), ...NOVEMBER];
      expect(forecast(NOW, withOctober).burnPerDay.tokens).toBe(2_500);
    });
  });

  it('with fewer than 7 whole days, the rate is the period so far (missing days count as zero)', () => {
    // Nov 1: 300, Nov 2: nothing, Nov 3: 600 → 900 ÷ 3 = 300 a day; 27 days remain from midnight of Nov 4.
    const result = forecast('2026-11-04T00:00:00Z', [
      day('2026-10-31', 1_000_000, 1_000_000),
      day('2026-11-01', 300, 30),
      day('2026-11-03', 600, 60),
    ]);
    expect(result.elapsedWholeDays).toBe(3);
    expect(result.burnPerDay).toEqual({ tokens: 300, cost: Money.fromMicros(30) });
    expect(result.projected).toEqual({ tokens: 900 + 300 * 27, cost: Money.fromMicros(90 + 30 * 27) });
  });

  it('on the first day of a jalali period, uses the 7 whole Tehran days before it', () => {
    // 1 Azar 1405 starts 2026-11-21T20:30Z; now is 10:00 Tehran that day. The 7 days before it
    // (Tehran dates 2026-11-15 … 2026-11-21) used 14 000 tokens and 7 000 µ$: 2 000 and 1 000 a day.
    // 29 days 14 h remain (29.583 333…): 300 + 2 000 × 29.583 333 = 59 466.67 → 59 467;
    // 100 + 1 000 × 29.583 333 = 29 683.33 → 29 683 µ$.
    const before = [15, 16, 17, 18, 19, 20, 21].map((d) => day(`2026-11-${d}`, 2_000, 1_000));
    const result = forecast(
      '2026-11-22T06:30:00Z',
      [day('2026-11-14', 99_999, 99_999), ...before, day('2026-11-22', 300, 100)],
      UNLIMITED,
      'jalali',
    );
    expect(result.period.start.toISOString()).toBe('2026-11-21T20:30:00.000Z');
    expect(result.elapsedWholeDays).toBe(0);
    expect(result.used).toEqual({ tokens: 300, cost: Money.fromMicros(100) });
    expect(result.burnPerDay).toEqual({ tokens: 2_000, cost: Money.fromMicros(1_000) });
    expect(result.projected).toEqual({ tokens: 59_467, cost: Money.fromMicros(29_683) });
  });

  it('cuts days at Tehran midnight for a jalali period', () => {
    // 2026-11-23T21:00Z is 00:30 Tehran on 2026-11-24: two whole days (Tehran 22 and 23 November).
    const result = forecast(
      '2026-11-23T21:00:00Z',
      [day('2026-11-22', 1_000, 0), day('2026-11-23', 3_000, 0), day('2026-11-24', 50, 0)],
      UNLIMITED,
      'jalali',
    );
    expect(result.elapsedWholeDays).toBe(2);
    expect(result.used.tokens).toBe(4_050);
    expect(result.burnPerDay.tokens).toBe(2_000);
  });

  it('without usage, burns nothing, projects nothing and never runs out, limit or not', () => {
    const result = forecast('2026-11-15T12:00:00Z', [], { tokens: 1_000, cost: Money.parse('1.00') });
    expect(result.burnPerDay).toEqual({ tokens: 0, cost: Money.zero });
    expect(result.projected).toEqual({ tokens: 0, cost: Money.zero });
    expect(result.exhaustsAt).toBeNull();
  });

  it('a limit of zero has already run out', () => {
    const result = forecast('2026-11-15T12:00:00Z', [], { tokens: 0, cost: null });
    expect(result.exhaustsAt?.toISOString()).toBe('2026-11-15T12:00:00.000Z');
    expect(result.exhaustsLimit).toBe('tokens');
  });

  it('rounds burn and projection half up, keeping the exact rate', () => {
    // 10 tokens over 3 whole days: 3.333… a day; 27 days remain → 10 + 90 = 100.
    const result = forecast('2026-11-04T00:00:00Z', [day('2026-11-02', 10, 5)]);
    expect(result.rate.tokensPerDay).toBeCloseTo(10 / 3, 12);
    expect(result.burnPerDay.tokens).toBe(3);
    expect(result.burnPerDay.cost).toEqual(Money.fromMicros(2)); // 1.666… µ$
    expect(result.projected).toEqual({ tokens: 100, cost: Money.fromMicros(50) });
  });
});

describe('forecastReadWindow', () => {
  const period = (now: string, calendar: UsageCalendar = 'gregorian') =>
    UsagePeriod.containing(new Date(now), calendar, jalaali);

  it('reads the period until now', () => {
    const now = new Date('2026-11-15T12:00:00Z');
    const window = forecastReadWindow(period('2026-11-15T12:00:00Z'), now, 0);
    expect([window.from.toISOString(), window.to.toISOString()]).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-15T12:00:00.000Z',
    ]);
  });

  it('on the first day of the period, also the 7 whole days before it', () => {
    const now = new Date('2026-11-22T06:30:00Z');
    const window = forecastReadWindow(period('2026-11-22T06:30:00Z', 'jalali'), now, TEHRAN_UTC_OFFSET_MINUTES);
    expect(window.from.toISOString()).toBe('2026-11-14T20:30:00.000Z');
  });
});
