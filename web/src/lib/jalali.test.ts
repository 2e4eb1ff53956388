import { describe, expect, it } from 'vitest';
import { toPersianDigits } from './format';
import { dateOfIsoDay, isoDayOf, isoDayOfJalali, jalaliOfIsoDay } from './jalali';

describe('Jalali days', () => {
  it('reads a typed Jalali date in any digit script as its Gregorian day', () => {
    expect(isoDayOfJalali('۱۴۰۵/۰۹/۱۶')).toBe('2026-12-07');
    expect(isoDayOfJalali('١٤٠٥/٠٩/١٦')).toBe('2026-12-07');
    expect(isoDayOfJalali('1405/9/16')).toBe('2026-12-07');
    expect(isoDayOfJalali(' 1405-09-16 ')).toBe('2026-12-07');
  });

  it('agrees with known pairs, leap years included', () => {
    expect(isoDayOfJalali('1405/01/01')).toBe('2026-03-21');
    expect(isoDayOfJalali('1403/12/30')).toBe('2025-03-20');
    expect(isoDayOfJalali('1404/01/01')).toBe('2025-03-21');
    expect(isoDayOfJalali('1399/12/30')).toBe('2021-03-20');
    expect(jalaliOfIsoDay('2025-03-20')).toBe('۱۴۰۳/۱۲/۳۰');
    expect(jalaliOfIsoDay('2026-03-20')).toBe('۱۴۰۴/۱۲/۲۹');
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(isoDayOfJalali('1405/13/01')).toBeNull();
    expect(isoDayOfJalali('1405/00/10')).toBeNull();
    expect(isoDayOfJalali('1404/12/30')).toBeNull(); // 1404 is not a leap year
    expect(isoDayOfJalali('1405/07/31')).toBeNull(); // the second half of the year has 30-day months
    expect(isoDayOfJalali('1405/9')).toBeNull();
    expect(isoDayOfJalali('فردا')).toBeNull();
    expect(isoDayOfJalali('')).toBeNull();
  });

  it('shows an ISO day as a Jalali date in Persian digits, and nothing for what is not a day', () => {
    expect(jalaliOfIsoDay('2026-12-07')).toBe('۱۴۰۵/۰۹/۱۶');
    expect(jalaliOfIsoDay('2026-02-30')).toBe('');
    expect(jalaliOfIsoDay('')).toBe('');
  });

  it('keeps the calendar day through a Date', () => {
    expect(isoDayOf(dateOfIsoDay('2026-03-21') as Date)).toBe('2026-03-21');
    expect(dateOfIsoDay('not a day')).toBeUndefined();
  });
});

describe('Jalali days against date-fns-jalali', () => {
  it('agrees both ways with the library of the calendar grid: every day of 1399–1410, and the turn of every year 1300–1500 (leap years)', async () => {
    const { getDate, getMonth, getYear } = await import('date-fns-jalali');
    const agree = (day: Date) => {
      const jalali = `${getYear(day)}/${String(getMonth(day) + 1).padStart(2, '0')}/${String(getDate(day)).padStart(2, '0')}`;
      expect(jalaliOfIsoDay(isoDayOf(day))).toBe(toPersianDigits(jalali));
      expect(isoDayOfJalali(jalali)).toBe(isoDayOf(day));
    };
    for (let day = new Date(2020, 2, 20, 12); day.getFullYear() < 2031; day.setDate(day.getDate() + 1)) agree(day);
    for (let year = 1921; year < 2121; year++) for (let date = 18; date <= 24; date++) agree(new Date(year, 2, date, 12));
  }, 30_000);
});
