import * as jalaali from 'jalaali-js';
import { startOfLocalDay, UsagePeriod, type UsageCalendar } from './usage-period';

const periodAt = (iso: string, calendar: UsageCalendar) =>
  UsagePeriod.containing(new Date(iso), calendar, jalaali).toJSON();

describe('UsagePeriod', () => {
  describe('gregorian: UTC calendar months', () => {
    it('runs from 00:00 UTC on the 1st to 00:00 UTC on the 1st of the next month', () => {
      expect(periodAt('2026-11-24T10:00:00Z', 'gregorian')).toEqual({
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
      });
    });

    it('puts the first and last millisecond of a month in that month', () => {
      expect(periodAt('2026-02-01T00:00:00.000Z', 'gregorian').start).toBe('2026-02-01T00:00:00.000Z');
      expect(periodAt('2026-01-31T23:59:59.999Z', 'gregorian').start).toBe('2026-01-01T00:00:00.000Z');
    });

    it('rolls December over into the next year and knows leap Februaries', () => {
      expect(periodAt('2026-12-31T23:00:00Z', 'gregorian')).toEqual({
        start: '2026-12-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
      });
      expect(periodAt('2028-02-29T12:00:00Z', 'gregorian')).toEqual({
        start: '2028-02-01T00:00:00.000Z',
        end: '2028-03-01T00:00:00.000Z',
      });
    });
  });

  describe('jalali: Persian months starting at midnight Asia/Tehran (UTC+03:30)', () => {
    it('cuts Azar 1405 at Tehran midnights', () => {
      // 1 Azar 1405 = 2026-11-22, 1 Dey 1405 = 2026-12-22, both 00:00 in Tehran = 20:30 UTC the day before
      expect(periodAt('2026-11-24T10:00:00Z', 'jalali')).toEqual({
        start: '2026-11-21T20:30:00.000Z',
        end: '2026-12-21T20:30:00.000Z',
      });
    });

    it('starts Farvardin at Nowruz midnight in Tehran, not at UTC midnight', () => {
      // Nowruz 1404 (1 Farvardin) = 2025-03-21; Tehran midnight = 2025-03-20T20:30Z
      expect(periodAt('2025-03-20T20:29:59.999Z', 'jalali').end).toBe('2025-03-20T20:30:00.000Z');
      expect(periodAt('2025-03-20T20:30:00.000Z', 'jalali')).toEqual({
        start: '2025-03-20T20:30:00.000Z',
        end: '2025-04-20T20:30:00.000Z',
      });
      // 22:00 UTC on 20 March is already 01:30 on Nowruz in Tehran
      expect(periodAt('2025-03-20T22:00:00Z', 'jalali').start).toBe('2025-03-20T20:30:00.000Z');
    });

    it('gives Esfand 30 days in a leap year (1403) and rolls into the next year', () => {
      // 1 Esfand 1403 = 2025-02-19, Esfand 30 1403 = 2025-03-20, 1 Farvardin 1404 = 2025-03-21
      const esfand = periodAt('2025-03-20T12:00:00Z', 'jalali');
      expect(esfand).toEqual({ start: '2025-02-18T20:30:00.000Z', end: '2025-03-20T20:30:00.000Z' });
      expect((Date.parse(esfand.end) - Date.parse(esfand.start)) / 86_400_000).toBe(30);
    });

    it('gives Esfand 29 days in a common year (1404)', () => {
      // 1 Esfand 1404 = 2026-02-20, Esfand 29 1404 = 2026-03-20, Nowruz 1405 = 2026-03-21
      const esfand = periodAt('2026-03-20T19:00:00Z', 'jalali');
      expect(esfand).toEqual({ start: '2026-02-19T20:30:00.000Z', end: '2026-03-20T20:30:00.000Z' });
      expect((Date.parse(esfand.end) - Date.parse(esfand.start)) / 86_400_000).toBe(29);
      expect(periodAt('2026-03-20T21:00:00Z', 'jalali').start).toBe('2026-03-20T20:30:00.000Z');
    });

    it('gives the first six months 31 days and Mehr to Bahman 30', () => {
      const lengthOf = (iso: string) => {
        const period = periodAt(iso, 'jalali');
        return (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000;
      };
      expect(lengthOf('2026-06-01T00:00:00Z')).toBe(31); // Khordad
      expect(lengthOf('2026-10-01T00:00:00Z')).toBe(30); // Mehr
    });
  });

  it('tells whether an instant lies inside, with the end excluded', () => {
    const period = UsagePeriod.containing(new Date('2026-11-24T10:00:00Z'), 'gregorian', jalaali);
    expect(period.contains(new Date('2026-11-01T00:00:00Z'))).toBe(true);
    expect(period.contains(new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(period.equals(UsagePeriod.containing(new Date('2026-11-30T23:59:59Z'), 'gregorian', jalaali))).toBe(true);
  });

  it('finds local midnights in each calendar’s time zone', () => {
    expect(startOfLocalDay(2026, 3, 21, 'gregorian').toISOString()).toBe('2026-03-21T00:00:00.000Z');
    expect(startOfLocalDay(2026, 3, 21, 'jalali').toISOString()).toBe('2026-03-20T20:30:00.000Z');
  });
});
