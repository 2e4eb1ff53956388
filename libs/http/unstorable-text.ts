/** Nesting deeper than this is refused before any validator walks it. */
export const MAX_INPUT_DEPTH = 32;

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/**
 * Text that no field may hold, whatever its own rules: a NUL (PostgreSQL's text cannot store it)
 * and a lone UTF-16 surrogate (not a character at all; it would be stored as U+FFFD, so what is
 * read back is not what was written). Bidirectional controls are ordinary in Persian text and pass.
 * Also refuses input nested deeper than MAX_INPUT_DEPTH.
 */
export function unstorableTextIn(value: unknown, path = ''): { field: string; messages: string[] }[] {
  const found: { field: string; messages: string[] }[] = [];
  const walk = (node: unknown, at: string, depth: number): void => {
    if (typeof node === 'string') {
      const problems = [
        ...(node.includes(NUL) ? ['must not contain a NUL character'] : []),
        ...(isWellFormed(node) ? [] : ['must not contain a lone surrogate (not valid Unicode text)']),
      ];
      if (problems.length) found.push({ field: at || 'body', messages: problems });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ field: at || 'body', messages: [`must not be nested deeper than ${MAX_INPUT_DEPTH} levels`] });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (!isWellFormed(key) || key.includes(NUL))
        found.push({ field: at || 'body', messages: ['has a property name that is not valid Unicode text'] });
      walk(child, at ? `${at}.${key}` : key, depth + 1);
    }
  };
  walk(value, path, 0);
  return found;
}
