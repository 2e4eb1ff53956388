import { describe, expect, it } from 'vitest';
import { editorialReportQuery, searchParamsOf, usageReportQuery } from './report-query';

describe('report queries', () => {
  const urls = ['', '?groupBy=user', '?from=2026-11-01&to=2026-12-07', '?to=2026-12-07&groupBy=project&from=2026-11-01', '?groupBy=nonsense&from=2026-11-01', '?groupBy=author&groupBy=model'];

  it.each(urls)('the server and the browser build the same usage query from %s', (url) => {
    const browser = new URLSearchParams(url);
    // What Next hands a server page for the same URL: repeated names become arrays.
    const record: Record<string, string | string[]> = {};
    for (const [name, value] of browser) {
      const previous = record[name];
      record[name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
    }
    expect(usageReportQuery(searchParamsOf(record))).toEqual(usageReportQuery(browser));
    expect(editorialReportQuery(searchParamsOf(record))).toEqual(editorialReportQuery(browser));
  });

  it('groups usage by day by default, and drops groups the API does not know', () => {
    expect(usageReportQuery(new URLSearchParams('')).query).toBe('groupBy=day');
    expect(usageReportQuery(new URLSearchParams('groupBy=nonsense&from=2026-11-01')).query).toBe('groupBy=day&from=2026-11-01');
    expect(usageReportQuery(new URLSearchParams('to=2026-12-07&groupBy=user&from=2026-11-01')).query).toBe('groupBy=user&from=2026-11-01&to=2026-12-07');
  });

  it('asks the editorial report for the whole organization unless a known group is named', () => {
    expect(editorialReportQuery(new URLSearchParams('')).query).toBe('');
    expect(editorialReportQuery(new URLSearchParams('groupBy=user')).query).toBe('');
    expect(editorialReportQuery(new URLSearchParams('groupBy=author&from=2026-11-01'))).toEqual({ groupBy: 'author', from: '2026-11-01', to: '', query: 'groupBy=author&from=2026-11-01' });
  });
});
