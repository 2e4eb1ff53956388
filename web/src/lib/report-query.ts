/**
 * The API queries of the usage and editorial reports, from the page's URL. The server's first render
 * and the browser build them with these functions alone: one character of difference and the cache
 * entry the server filled is missed, and the page fetches again.
 */
export type SearchParamsLike = { get(name: string): string | null };

/** Next's `searchParams` record read like URLSearchParams (the first of repeated values). */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): SearchParamsLike {
  return {
    get: (name) => {
      const value = record[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

export const USAGE_GROUPS = ['day', 'model', 'user', 'project'] as const;
export const EDITORIAL_GROUPS = ['project', 'author', 'model'] as const;

export type ReportQuery = { groupBy: string; from: string; to: string; query: string };

function reportQuery(params: SearchParamsLike, groups: readonly string[], fallback: string): ReportQuery {
  const asked = params.get('groupBy') ?? '';
  const groupBy = groups.includes(asked) ? asked : fallback;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const query = new URLSearchParams({ ...(groupBy ? { groupBy } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
  return { groupBy, from, to, query: query.toString() };
}

/** GET /organizations/:id/usage: grouped by day unless the URL says otherwise; the API's current period without a window. */
export function usageReportQuery(params: SearchParamsLike): ReportQuery {
  return reportQuery(params, USAGE_GROUPS, 'day');
}

/** GET /organizations/:id/analytics/editorial: the whole organization ('' = no grouping) unless the URL groups it. */
export function editorialReportQuery(params: SearchParamsLike): ReportQuery {
  return reportQuery(params, EDITORIAL_GROUPS, '');
}
