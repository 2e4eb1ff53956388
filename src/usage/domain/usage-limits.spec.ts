import * as jalaali from 'jalaali-js';
import { Money } from '#libs/ddd';
import { thresholdsReached, UsageLimits, type PeriodSpend } from './usage-limits';
import { UsagePeriod } from './usage-period';

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const period = UsagePeriod.containing(new Date('2026-11-24T10:00:00Z'), 'gregorian', jalaali);

const spend = (
  overrides: {
    usedTokens?: number;
    reservedTokens?: number;
    usedCost?: string;
    reservedCost?: string;
    userUsed?: number;
    userReserved?: number;
  } = {},
): PeriodSpend => ({
  organization: {
    usedTokens: overrides.usedTokens ?? 0,
    reservedTokens: overrides.reservedTokens ?? 0,
    usedCost: Money.parse(overrides.usedCost ?? '0'),
    reservedCost: Money.parse(overrides.reservedCost ?? '0'),
  },
  user: { usedTokens: overrides.userUsed ?? 0, reservedTokens: overrides.userReserved ?? 0 },
});

const limited = (settings: { tokens?: number | null; cost?: string | null; perUser?: number | null }) => {
  const limits = UsageLimits.defaults(ORG);
  limits.change(
    {
      monthlyTokenLimit: settings.tokens ?? null,
      monthlyCostLimit: settings.cost ? Money.parse(settings.cost) : null,
      perUserMonthlyTokenLimit: settings.perUser ?? null,
      calendar: 'gregorian',
    },
    USER,
    new Date('2026-11-24T10:00:00Z'),
  );
  return limits;
};

describe('UsageLimits', () => {
  it('starts unlimited, on Gregorian months, never changed', () => {
    const limits = UsageLimits.defaults(ORG);
    expect(limits.isUnlimited).toBe(true);
    expect(limits.snapshot()).toEqual({
      monthlyTokenLimit: null,
      monthlyCostLimitUsd: null,
      perUserMonthlyTokenLimit: null,
      calendar: 'gregorian',
    });
    expect(limits.updatedAt).toBeNull();
    expect(() =>
      limits.assertAllows({ tokens: 10 ** 12, cost: Money.parse('1000000') }, spend(), period),
    ).not.toThrow();
  });

  it('records who changed the settings and when, and reports an unchanged save as no change', () => {
    const limits = UsageLimits.defaults(ORG);
    const at = new Date('2026-11-24T10:00:00Z');
    expect(
      limits.change(
        {
          monthlyTokenLimit: 1000,
          monthlyCostLimit: Money.parse('5'),
          perUserMonthlyTokenLimit: null,
          calendar: 'jalali',
        },
        USER,
        at,
      ),
    ).toBe(true);
    expect(limits.updatedBy).toBe(USER);
    expect(limits.updatedAt).toEqual(at);
    expect(
      limits.change(
        {
          monthlyTokenLimit: 1000,
          monthlyCostLimit: Money.parse('5.000000'),
          perUserMonthlyTokenLimit: null,
          calendar: 'jalali',
        },
        'someone-else',
        new Date(),
      ),
    ).toBe(false);
    expect(limits.updatedBy).toBe(USER);
  });

  it.each([[-1], [1.5], [Number.MAX_SAFE_INTEGER + 1]])(
    'refuses a token limit of %p with VALIDATION_FAILED',
    (value) => {
      expect(() =>
        UsageLimits.defaults(ORG).change(
          { monthlyTokenLimit: value, monthlyCostLimit: null, perUserMonthlyTokenLimit: null, calendar: 'gregorian' },
          USER,
          new Date(),
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fields: [expect.objectContaining({ field: 'monthlyTokenLimit' })] },
        }),
      );
    },
  );

  describe('admitting a generation', () => {
    it('allows a worst case that exactly reaches the token limit, and refuses one token more', () => {
      const limits = limited({ tokens: 1000 });
      expect(() =>
        limits.assertAllows({ tokens: 300, cost: Money.zero }, spend({ usedTokens: 600, reservedTokens: 100 }), period),
      ).not.toThrow();
      expect(() =>
        limits.assertAllows({ tokens: 301, cost: Money.zero }, spend({ usedTokens: 600, reservedTokens: 100 }), period),
      ).toThrow(
        expect.objectContaining({
          code: 'USAGE_LIMIT_EXCEEDED',
          kind: 'limit',
          details: {
            limit: 'organization',
            setting: 'monthlyTokenLimit',
            limitValue: 1000,
            used: 600,
            reserved: 100,
            requested: 301,
            period: period.toJSON(),
          },
        }),
      );
    });

    it('counts reservations of generations in progress against the cost limit, in decimal USD', () => {
      const limits = limited({ cost: '1' });
      expect(() =>
        limits.assertAllows(
          { tokens: 1, cost: Money.parse('0.2') },
          spend({ usedCost: '0.5', reservedCost: '0.4' }),
          period,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'USAGE_LIMIT_EXCEEDED',
          details: expect.objectContaining({
            limit: 'organization',
            setting: 'monthlyCostLimitUsd',
            limitValue: '1.000000',
            used: '0.500000',
            reserved: '0.400000',
            requested: '0.200000',
          }),
        }),
      );
      expect(() =>
        limits.assertAllows(
          { tokens: 1, cost: Money.parse('0.1') },
          spend({ usedCost: '0.5', reservedCost: '0.4' }),
          period,
        ),
      ).not.toThrow();
    });

    it("refuses by the member's own use against the per-member limit", () => {
      const limits = limited({ tokens: 1_000_000, perUser: 500 });
      expect(() =>
        limits.assertAllows(
          { tokens: 200, cost: Money.zero },
          { ...spend({ usedTokens: 10_000, userUsed: 250, userReserved: 100 }) },
          period,
        ),
      ).toThrow(
        expect.objectContaining({
          details: expect.objectContaining({
            limit: 'user',
            setting: 'perUserMonthlyTokenLimit',
            limitValue: 500,
            used: 250,
            reserved: 100,
            requested: 200,
          }),
        }),
      );
    });

    it('refuses everything under a limit of 0', () => {
      expect(() => limited({ tokens: 0 }).assertAllows({ tokens: 1, cost: Money.zero }, spend(), period)).toThrow(
        expect.objectContaining({ code: 'USAGE_LIMIT_EXCEEDED' }),
      );
    });
  });

  describe('thresholds', () => {
    it('are reached at 80 % and 100 % of a limit, inclusive', () => {
      expect(thresholdsReached(1000n, 799n)).toEqual([]);
      expect(thresholdsReached(1000n, 800n)).toEqual([80]);
      expect(thresholdsReached(1000n, 999n)).toEqual([80]);
      expect(thresholdsReached(1000n, 1000n)).toEqual([80, 100]);
      expect(thresholdsReached(1000n, 5000n)).toEqual([80, 100]);
    });

    it('need some usage first, so a limit of 0 reports nothing until used', () => {
      expect(thresholdsReached(0n, 0n)).toEqual([]);
      expect(thresholdsReached(0n, 1n)).toEqual([80, 100]);
    });

    it('are computed without rounding on limits that are not multiples of 5', () => {
      // 80 % of 7 is 5.6: 5 has not reached it, 6 has
      expect(thresholdsReached(7n, 5n)).toEqual([]);
      expect(thresholdsReached(7n, 6n)).toEqual([80]);
    });

    it('are reported for every limit set, scoped to the organization or the member', () => {
      const limits = limited({ tokens: 1000, cost: '2', perUser: 100 });
      const reached = limits.thresholdsReachedBy({
        organizationTokens: 850,
        organizationCost: Money.parse('2.5'),
        userId: USER,
        userTokens: 40,
      });
      expect(reached).toEqual([
        {
          scope: 'organization:tokens',
          kind: 'organization',
          metric: 'tokens',
          limit: 'monthlyTokenLimit',
          userId: null,
          projectId: null,
          threshold: 80,
          limitValue: 1000n,
          usedValue: 850n,
        },
        {
          scope: 'organization:cost',
          kind: 'organization',
          metric: 'cost',
          limit: 'monthlyCostLimitUsd',
          userId: null,
          projectId: null,
          threshold: 80,
          limitValue: 2_000_000n,
          usedValue: 2_500_000n,
        },
        {
          scope: 'organization:cost',
          kind: 'organization',
          metric: 'cost',
          limit: 'monthlyCostLimitUsd',
          userId: null,
          projectId: null,
          threshold: 100,
          limitValue: 2_000_000n,
          usedValue: 2_500_000n,
        },
      ]);
      expect(
        limits.thresholdsReachedBy({
          organizationTokens: 0,
          organizationCost: Money.zero,
          userId: USER,
          userTokens: 100,
        }),
      ).toEqual([
        {
          scope: `user:${USER}:tokens`,
          kind: 'user',
          metric: 'tokens',
          limit: 'perUserMonthlyTokenLimit',
          userId: USER,
          projectId: null,
          threshold: 80,
          limitValue: 100n,
          usedValue: 100n,
        },
        {
          scope: `user:${USER}:tokens`,
          kind: 'user',
          metric: 'tokens',
          limit: 'perUserMonthlyTokenLimit',
          userId: USER,
          projectId: null,
          threshold: 100,
          limitValue: 100n,
          usedValue: 100n,
        },
      ]);
    });

    it('are never reported for unlimited organizations', () => {
      expect(
        UsageLimits.defaults(ORG).thresholdsReachedBy({
          organizationTokens: 10 ** 9,
          organizationCost: Money.parse('999'),
          userId: USER,
          userTokens: 10 ** 9,
        }),
      ).toEqual([]);
    });
  });
});
