import { describe, expect, it } from 'vitest';
import { timeOfDay } from './time-of-day';

describe('timeOfDay', () => {
  it('reads hours and minutes in any digit script', () => {
    expect(timeOfDay('۱۷:۰۰')).toBe('17:00');
    expect(timeOfDay('٩:٣٠')).toBe('09:30');
    expect(timeOfDay(' 9:05 ')).toBe('09:05');
    expect(timeOfDay('23:59')).toBe('23:59');
  });

  it('refuses what is no time of day', () => {
    expect(timeOfDay('24:00')).toBeNull();
    expect(timeOfDay('12:60')).toBeNull();
    expect(timeOfDay('12')).toBeNull();
    expect(timeOfDay('')).toBeNull();
  });
});
