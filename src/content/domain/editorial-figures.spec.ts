import { Money } from '#libs/ddd';
import { approvalRate, costPerApproved, rejectionsByCategory, round } from './editorial-figures';

const costs = new Map([
  ['a', Money.fromMicros(1_000)],
  ['b', Money.fromMicros(2_001)],
  ['c', Money.fromMicros(0)],
]);
const costOf = (id: string) => costs.get(id) ?? Money.zero;

describe('editorial figures', () => {
  it('approval rate is approved over decided, to 4 decimals, null without decisions', () => {
    expect(approvalRate({ approved: 3, rejected: 2, approvedContentIds: [] })).toBe(0.6);
    expect(approvalRate({ approved: 2, rejected: 1, approvedContentIds: [] })).toBe(0.6667);
    expect(approvalRate({ approved: 0, rejected: 4, approvedContentIds: [] })).toBe(0);
    expect(approvalRate({ approved: 0, rejected: 0, approvedContentIds: [] })).toBeNull();
  });

  it('cost per approved content divides the approved contents’ cost, rounding half up to the micro-dollar', () => {
    // (1000 + 2001) / 2 = 1500.5 → 1501
    expect(costPerApproved({ approved: 2, rejected: 0, approvedContentIds: ['a', 'b'] }, costOf)?.micros).toBe(1501n);
    // (1000 + 2001 + 0) / 3 = 1000.33 → 1000
    expect(costPerApproved({ approved: 3, rejected: 5, approvedContentIds: ['a', 'b', 'c'] }, costOf)?.micros).toBe(
      1000n,
    );
    expect(costPerApproved({ approved: 1, rejected: 0, approvedContentIds: ['b'] }, costOf)?.toDecimalString()).toBe(
      '0.002001',
    );
    expect(costPerApproved({ approved: 0, rejected: 2, approvedContentIds: [] }, costOf)).toBeNull();
  });

  it('lists every rejection category, zero where none occurred', () => {
    expect(rejectionsByCategory(['TONE', 'PII', 'OTHER'], { PII: 2, OTHER: 1 })).toEqual({
      TONE: 0,
      PII: 2,
      OTHER: 1,
    });
  });

  it('rounds half away from zero and keeps null', () => {
    expect(round(1 / 3, 2)).toBe(0.33);
    expect(round(2.5, 0)).toBe(3);
    expect(round(1761120.0000001, 3)).toBe(1761120);
    expect(round(null, 2)).toBeNull();
  });
});
