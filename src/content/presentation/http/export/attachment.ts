/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the real (often Persian)
 * name in RFC 5987 form, which browsers prefer.
 */
export function attachment(title: string, fallback: string, extension: string): string {
  const name = `${
    [...title]
      .map((char) => (char.charCodeAt(0) < 0x20 ? ' ' : char))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || fallback
  }.${extension}`;
  const ascii = `${fallback}.${extension}`;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
