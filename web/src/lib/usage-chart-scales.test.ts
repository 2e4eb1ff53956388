import { describe, expect, it } from 'vitest';
import { bands, niceMax, ticks } from './usage-chart-scales';

describe('usage chart scales (as d3-scale computes them)', () => {
  it('rounds the top of the token axis up as d3 nice() does', () => {
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3000)).toBe(3000);
    expect(niceMax(3170)).toBe(3500);
    expect(niceMax(99_999)).toBe(100_000);
    expect(niceMax(123_456)).toBe(130_000);
    expect(niceMax(0.37)).toBeCloseTo(0.4, 10);
  });

  it('puts about five round ticks from zero to the top', () => {
    expect(ticks(3000, 5)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(ticks(130_000, 5)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000]);
    expect(ticks(1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0.4, 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(ticks(7, 5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('centres padded bands, the first one rightmost when the range runs right to left', () => {
    const { starts, bandwidth } = bands(2, 544, 8, 0.3);
    // d3: step = 536 / (2 - 0.3 + 0.6), bands 0.7 of a step, outer padding 0.3 of a step each side.
    const step = 536 / 2.3;
    expect(bandwidth).toBeCloseTo(step * 0.7, 10);
    expect(starts[1]).toBeCloseTo(8 + step * 0.3, 10);
    expect(starts[0]).toBeCloseTo(8 + step * 1.3, 10);
  });
});
