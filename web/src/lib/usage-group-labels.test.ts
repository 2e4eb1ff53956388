import { describe, expect, it } from 'vitest';
import { directionOf } from './usage-group-labels';

describe('directionOf', () => {
  it('reads identifiers left to right, and names by their first strong letter', () => {
    expect(directionOf({ text: 'gpt-4.1-mini', dir: 'ltr' })).toBe('ltr');
    expect(directionOf({ text: '+۹۸۹۱۲۰۰۰۰۰۰۰', dir: 'ltr' })).toBe('ltr');
    expect(directionOf({ text: '۱۶ آذر ۱۴۰۵', dir: 'auto' })).toBe('rtl');
    expect(directionOf({ text: '2026 خبرنامه', dir: 'auto' })).toBe('rtl');
    expect(directionOf({ text: 'Autumn خبرنامه', dir: 'auto' })).toBe('ltr');
    expect(directionOf({ text: '۱۲۳', dir: 'auto' })).toBe('ltr');
  });
});
