/**
 * Where to go after sign-in: a path of this site only. `//evil.com` and `/\evil.com` look like
 * paths but browsers read them as another host; so does anything with a scheme, a control
 * character or a backslash anywhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  try {
    const base = 'https://contexor.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
