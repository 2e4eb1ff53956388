/**
 * The API path a proxied request names, or undefined when a segment would leave `/api/v1`: Next
 * hands over the segments decoded, so `%2e%2e` arrives as `..`; such a segment, an empty one, or
 * one holding a slash (an encoded `%2f`) is refused rather than passed on for fetch to resolve.
 */
export function apiPathOf(segments: string[]): string | undefined {
  if (!segments.length) return undefined;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[/\\]/.test(segment)) return undefined;
  }
  return segments.map(encodeURIComponent).join('/');
}
