import * as jalaali from 'jalaali-js';
import { Money } from '#libs/ddd';
import { ProjectUsageLimits } from './project-usage-limits';
import { UsageLimits, type PeriodSpend } from './usage-limits';
import { UsagePeriod } from './usage-period';

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const PROJECT = '33333333-3333-4333-8333-333333333333';
const at = new Date('2026-11-24T10:00:00Z');
const period = UsagePeriod.containing(at, 'gregorian', jalaali);

const organizationLimits = (tokens: number | null, perUser: number | null = null) => {
  const limits = UsageLimits.defaults(ORG);
  limits.change(
    { monthlyTokenLimit: tokens, monthlyCostLimit: null, perUserMonthlyTokenLimit: perUser, calendar: 'gregorian' },
    USER,
    at,
  );
  return limits;
};

const projectLimits = (tokens: number | null, cost: string | null = null) => {
  const limits = ProjectUsageLimits.defaults(PROJECT, ORG);
  limits.change({ monthlyTokenLimit: tokens, monthlyCostLimit: cost === null ? null : Money.parse(cost) }, USER, at);
  return limits;
};

const spend = (org: number, user: number, project: { tokens: number; cost?: string }): PeriodSpend => ({
  organization: { usedTokens: org, usedCost: Money.zero, reservedTokens: 0, reservedCost: Money.zero },
  user: { usedTokens: user, reservedTokens: 0 },
  project: {
    usedTokens: project.tokens,
    usedCost: Money.parse(project.cost ?? '0'),
    reservedTokens: 0,
    reservedCost: Money.zero,
  },
});

const refusal = (run: () => void): Record<string, unknown> | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { details: Record<string, unknown> }).details;
  }
};

describe('ProjectUsageLimits', () => {
  it('starts with no limit of its own, never changed', () => {
    const limits = ProjectUsageLimits.defaults(PROJECT, ORG);
    expect(limits.isUnlimited).toBe(true);
    expect(limits.snapshot()).toEqual({ monthlyTokenLimit: null, monthlyCostLimitUsd: null });
    expect(limits.updatedAt).toBeNull();
  });

  it('records who changed it and reports an unchanged save as no change', () => {
    const limits = ProjectUsageLimits.defaults(PROJECT, ORG);
    expect(limits.change({ monthlyTokenLimit: 1000, monthlyCostLimit: Money.parse('2') }, USER, at)).toBe(true);
    expect(limits.updatedBy).toBe(USER);
    expect(limits.change({ monthlyTokenLimit: 1000, monthlyCostLimit: Money.parse('2.000000') }, USER, at)).toBe(false);
    expect(limits.snapshot()).toEqual({ monthlyTokenLimit: 1000, monthlyCostLimitUsd: '2.000000' });
  });

  it('refuses a fractional or negative token limit with VALIDATION_FAILED on the field', () => {
    const limits = ProjectUsageLimits.defaults(PROJECT, ORG);
    expect(() => limits.change({ monthlyTokenLimit: 1.5, monthlyCostLimit: null }, USER, at)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => limits.change({ monthlyTokenLimit: -1, monthlyCostLimit: null }, USER, at)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('the three-way limit decision (organization, member, project)', () => {
  const request = { tokens: 100, cost: Money.parse('0.5') };

  it('allows a worst case that exactly reaches the project limit, and refuses one token more naming the project', () => {
    const org = organizationLimits(null);
    expect(() => org.assertAllows(request, spend(0, 0, { tokens: 900 }), period, projectLimits(1000))).not.toThrow();
    expect(refusal(() => org.assertAllows(request, spend(0, 0, { tokens: 901 }), period, projectLimits(1000)))).toEqual(
      {
        limit: 'project',
        setting: 'monthlyTokenLimit',
        projectId: PROJECT,
        limitValue: 1000,
        used: 901,
        reserved: 0,
        requested: 100,
        period: period.toJSON(),
      },
    );
  });

  it("refuses by the project's cost limit in decimal USD", () => {
    const details = refusal(() =>
      organizationLimits(null).assertAllows(
        request,
        spend(0, 0, { tokens: 0, cost: '0.6' }),
        period,
        projectLimits(null, '1'),
      ),
    );
    expect(details).toMatchObject({ limit: 'project', setting: 'monthlyCostLimitUsd', limitValue: '1.000000' });
  });

  it("names the organization first when the organization's and the project's limits are both broken", () => {
    const details = refusal(() =>
      organizationLimits(1000).assertAllows(request, spend(950, 0, { tokens: 950 }), period, projectLimits(1000)),
    );
    expect(details).toMatchObject({ limit: 'organization', setting: 'monthlyTokenLimit' });
  });

  it("names the member before the project when both are broken, and the project once the member's fits", () => {
    const org = organizationLimits(1_000_000, 500);
    expect(
      refusal(() => org.assertAllows(request, spend(0, 450, { tokens: 950 }), period, projectLimits(1000))),
    ).toMatchObject({ limit: 'user', setting: 'perUserMonthlyTokenLimit' });
    expect(
      refusal(() => org.assertAllows(request, spend(0, 0, { tokens: 950 }), period, projectLimits(1000))),
    ).toMatchObject({ limit: 'project' });
  });

  it('lets a project without limits, or no project, through whatever it has used', () => {
    const org = organizationLimits(null);
    expect(() =>
      org.assertAllows(request, spend(0, 0, { tokens: 10 ** 9 }), period, projectLimits(null)),
    ).not.toThrow();
    expect(() => org.assertAllows(request, spend(0, 0, { tokens: 10 ** 9 }), period)).not.toThrow();
  });
});

describe("a project's thresholds", () => {
  it('are reached at 80 % and 100 % of its token and cost limits, keyed per project and named as a project limit', () => {
    const reached = projectLimits(1000, '2').thresholdsReachedBy({ tokens: 800, cost: Money.parse('2.5') });
    expect(reached).toEqual([
      {
        scope: `project:${PROJECT}:tokens`,
        kind: 'project',
        metric: 'tokens',
        limit: 'monthlyTokenLimit',
        userId: null,
        projectId: PROJECT,
        threshold: 80,
        limitValue: 1000n,
        usedValue: 800n,
      },
      ...[80, 100].map((threshold) => ({
        scope: `project:${PROJECT}:cost`,
        kind: 'project',
        metric: 'cost',
        limit: 'monthlyCostLimitUsd',
        userId: null,
        projectId: PROJECT,
        threshold,
        limitValue: 2_000_000n,
        usedValue: 2_500_000n,
      })),
    ]);
  });

  it('are none below 80 %, and none for a project without limits of its own', () => {
    expect(projectLimits(1000).thresholdsReachedBy({ tokens: 799, cost: Money.parse('100') })).toEqual([]);
    expect(projectLimits(null).thresholdsReachedBy({ tokens: 10 ** 9, cost: Money.parse('999') })).toEqual([]);
  });
});
