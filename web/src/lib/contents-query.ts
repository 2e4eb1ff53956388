const DEFAULT_LIMIT = 20;

/** The API query of a project's contents list, from the page's URL: the same on the server and in the browser. */
export function contentsQuery(params: { get(name: string): string | null }): { query: string; page: number; limit: number } {
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  // ?limit= (up to 100, the API's maximum) is kept in the URL like the other filters.
  const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
  const query = new URLSearchParams({ page: String(page), limit: String(limit) });
  for (const name of ['q', 'status', 'createdBy', 'from', 'to']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  return { query: query.toString(), page, limit };
}
