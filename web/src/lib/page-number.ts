/** A `?page=` URL parameter as a page number from 1 (1 for anything else), the same on the server and in the browser. */
export function pageNumberOf(value: string | null | undefined): number {
  return Math.max(1, Number.parseInt(value ?? '1', 10) || 1);
}
