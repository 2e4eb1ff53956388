export interface PageRequest {
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

export function pageRequest(page?: number, limit?: number): PageRequest {
  const safePage = Number.isInteger(page) && (page ?? 0) > 0 ? (page as number) : 1;
  const safeLimit =
    Number.isInteger(limit) && (limit ?? 0) > 0 ? Math.min(limit as number, MAX_PAGE_LIMIT) : DEFAULT_PAGE_LIMIT;
  return { page: safePage, limit: safeLimit };
}

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.limit;
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { ...page, items: page.items.map(map) };
}
