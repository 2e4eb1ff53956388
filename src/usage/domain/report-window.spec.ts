import * as jalaali from 'jalaali-js';
import { resolveReportWindow } from './report-window';
import { UsagePeriod, type UsageCalendar } from './usage-period';

const NOW = new Date('2026-11-24T10:00:00Z');
const resolve = (bounds: Parameters<typeof resolveReportWindow>[0], calendar: UsageCalendar = 'gregorian') => {
  const window = resolveReportWindow(
    bounds,
    calendar,
    (instant) => UsagePeriod.containing(instant, calendar, jalaali),
    NOW,
  );
  return [window.from.toISOString(), window.to.toISOString()];
};

describe('resolveReportWindow', () => {
  it('defaults to the current period', () => {
    expect(resolve({})).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(resolve({}, 'jalali')).toEqual(['2026-11-21T20:30:00.000Z', '2026-12-21T20:30:00.000Z']);
  });

  it('includes the whole day of a date `to`, and starts a date `from` at local midnight', () => {
    expect(
      resolve({ from: { date: { year: 2026, month: 3, day: 21 } }, to: { date: { year: 2026, month: 3, day: 31 } } }),
    ).toEqual(['2026-03-21T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(
      resolve(
        { from: { date: { year: 2026, month: 3, day: 21 } }, to: { date: { year: 2026, month: 3, day: 21 } } },
        'jalali',
      ),
    ).toEqual(['2026-03-20T20:30:00.000Z', '2026-03-21T20:30:00.000Z']);
  });

  it('takes date-times as exact instants, `to` excluded', () => {
    expect(
      resolve({
        from: { instant: new Date('2026-11-02T10:15:00Z') },
        to: { instant: new Date('2026-11-03T10:15:00Z') },
      }),
    ).toEqual(['2026-11-02T10:15:00.000Z', '2026-11-03T10:15:00.000Z']);
  });

  it('starts a window given only `to` at the beginning of the period holding it, and ends one given only `from` with the current period', () => {
    expect(resolve({ to: { date: { year: 2026, month: 2, day: 10 } } })).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-02-11T00:00:00.000Z',
    ]);
    // to = 1 March 00:00 exactly: the period holding its last instant is February
    expect(resolve({ to: { instant: new Date('2026-03-01T00:00:00Z') } })).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    expect(resolve({ from: { date: { year: 2026, month: 9, day: 1 } } })).toEqual([
      '2026-09-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
    ]);
  });

  it('refuses empty, inverted and over-long windows as VALIDATION_FAILED on `to`', () => {
    const invalidTo = expect.objectContaining({
      code: 'VALIDATION_FAILED',
      kind: 'invalid',
      details: { fields: [expect.objectContaining({ field: 'to' })] },
    });
    expect(() => resolve({ from: { instant: NOW }, to: { instant: NOW } })).toThrow(invalidTo);
    expect(() => resolve({ from: { date: { year: 2026, month: 12, day: 5 } } })).toThrow(invalidTo);
    expect(() =>
      resolve({ from: { date: { year: 2025, month: 1, day: 1 } }, to: { date: { year: 2026, month: 2, day: 5 } } }),
    ).toThrow(invalidTo);
    expect(() =>
      resolve({ from: { date: { year: 2025, month: 1, day: 1 } }, to: { date: { year: 2026, month: 2, day: 4 } } }),
    ).not.toThrow();
  });
});
