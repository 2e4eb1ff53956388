import { describe, expect, it } from 'vitest';
import { pageNumberOf } from './page-number';

describe('pageNumberOf', () => {
  it('reads a page number from 1, and 1 for anything that is not one', () => {
    expect(pageNumberOf('3')).toBe(3);
    expect(pageNumberOf(null)).toBe(1);
    expect(pageNumberOf('0')).toBe(1);
    expect(pageNumberOf('-2')).toBe(1);
    expect(pageNumberOf('abc')).toBe(1);
  });
});
