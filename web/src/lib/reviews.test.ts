import { describe, expect, it } from 'vitest';
import { dueInstantOf, isPastDue, localInputOf, overdueFilterOf, reviewsPath } from './reviews';

describe('reviews', () => {
  it('asks for a page of the inbox, with the overdue filter only when one is chosen', () => {
    expect(reviewsPath('all', 1)).toBe('me/reviews?page=1&limit=20');
    expect(reviewsPath('overdue', 2)).toBe('me/reviews?page=2&limit=20&overdue=true');
    expect(reviewsPath('onTime', 1, 1)).toBe('me/reviews?page=1&limit=1&overdue=false');
  });

  it('reads the filter from the URL, anything unknown as all', () => {
    expect([overdueFilterOf('overdue'), overdueFilterOf('onTime'), overdueFilterOf('x'), overdueFilterOf(null)]).toEqual(['overdue', 'onTime', 'all', 'all']);
  });

  it('takes a datetime-local value as Tehran time, and gives an instant back as Tehran wall time', () => {
    expect(dueInstantOf('2026-12-01T17:00')).toBe('2026-12-01T17:00:00+03:30');
    expect(Date.parse(dueInstantOf('2026-12-01T17:00') as string)).toBe(Date.parse('2026-12-01T13:30:00Z'));
    expect(localInputOf('2026-12-01T13:30:00.000Z')).toBe('2026-12-01T17:00');
    expect(localInputOf(dueInstantOf('2027-03-20T23:45'))).toBe('2027-03-20T23:45');
    expect([dueInstantOf(''), dueInstantOf('2026-12-01'), dueInstantOf('2026-13-40T10:00')]).toEqual([null, null, null]);
    expect(localInputOf(null)).toBe('');
  });

  it('is past due strictly after the due instant', () => {
    const due = '2026-12-01T13:30:00.000Z';
    expect(isPastDue(due, Date.parse(due) + 1)).toBe(true);
    expect(isPastDue(due, Date.parse(due))).toBe(false);
    expect(isPastDue(null)).toBe(false);
  });
});
