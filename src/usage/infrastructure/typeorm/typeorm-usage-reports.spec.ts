import { USAGE_CALENDARS, utcOffsetMinutesOf } from '../../domain/usage-period';
import { ROLLED_UP_UTC_OFFSETS, wholeDaysIn } from './typeorm-usage-reports';

describe('TypeOrmUsageReports: the whole days a report reads from the roll-up', () => {
  const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
  const iso = (days: ReturnType<typeof wholeDaysIn>) =>
    days && { from: days.from.toISOString(), to: days.to.toISOString(), firstDay: days.firstDay, endDay: days.endDay };

  it('has a roll-up for the days of every calendar (a new offset needs a migration that backfills it)', () => {
    for (const calendar of USAGE_CALENDARS) expect(ROLLED_UP_UTC_OFFSETS).toContain(utcOffsetMinutesOf(calendar));
  });

  it('takes a window cut at midnight whole', () => {
    expect(iso(wholeDaysIn(window('2025-12-01T00:00:00Z', '2026-12-01T00:00:00Z'), 0))).toEqual({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      firstDay: '2025-12-01',
      endDay: '2026-12-01',
    });
  });

  it('cuts Tehran days at 20:30 UTC, dated by their local date', () => {
    expect(iso(wholeDaysIn(window('2026-11-21T20:30:00Z', '2026-11-24T21:00:00Z'), 210))).toEqual({
      from: '2026-11-21T20:30:00.000Z',
      to: '2026-11-24T20:30:00.000Z',
      firstDay: '2026-11-22',
      endDay: '2026-11-25',
    });
  });

  it('leaves the partial days at both edges to the records, down to the millisecond', () => {
    expect(iso(wholeDaysIn(window('2026-11-01T00:00:00.001Z', '2026-11-03T23:59:59.999Z'), 0))).toEqual({
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
      firstDay: '2026-11-02',
      endDay: '2026-11-03',
    });
  });

  it('finds no whole day in a window shorter than a day or straddling one midnight', () => {
    expect(wholeDaysIn(window('2026-11-01T01:00:00Z', '2026-11-01T23:00:00Z'), 0)).toBeUndefined();
    expect(wholeDaysIn(window('2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z'), 0)).toBeUndefined();
    expect(wholeDaysIn(window('2026-11-01T00:00:00Z', '2026-11-01T23:59:59.999Z'), 0)).toBeUndefined();
  });
});
