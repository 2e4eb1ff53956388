import type { TextPart } from '../version-diff';

/** How much text before and after the quote a selector keeps, to tell equal quotes apart. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/** A range of a text in UTF-16 code units, like `pii`: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where a comment points, the W3C Web Annotation way: a TextPositionSelector (`start`, `end` in the
 * version it was made on) with a TextQuoteSelector (`exact`, and up to ANCHOR_CONTEXT_LENGTH
 * characters of `prefix` and `suffix` around it).
 */
export interface TextSelector extends TextRange {
  exact: string;
  prefix: string;
  suffix: string;
}

export type RangeProblem = 'start_negative' | 'empty' | 'past_end' | 'splits_surrogate_pair';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of one character outside the BMP (an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Why `[start, end)` is not a range of `text` one can comment on, or undefined when it is. */
export function rangeProblem(text: string, start: number, end: number): RangeProblem | undefined {
  if (start < 0) return 'start_negative';
  if (end <= start) return 'empty';
  if (end > text.length) return 'past_end';
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return 'splits_surrogate_pair';
  return undefined;
}

/** The selector of a valid range (see rangeProblem): the quote and its context, never half a character. */
export function selectorOf(text: string, start: number, end: number): TextSelector {
  let prefixStart = Math.max(0, start - ANCHOR_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + ANCHOR_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/** A part of the diff with where it starts on each side. */
interface PlacedPart {
  kind: 'equal' | 'removed';
  before: number;
  after: number;
  length: number;
}

/** Most occurrences of a quote looked at in text an edit added: keeps a list bounded for a one-letter quote. */
const MAX_CANDIDATES = 10_000;

/**
 * Follows selectors made on one version (`before`) into another (`after`, the current body), given
 * a diff of the two whose parts join back to each side (TextDiffer's; any granularity). Build one
 * per distinct version, then anchor all of that version's comments with it.
 *
 * 1. The range is carried through the diff: a position in unchanged text moves by what was added
 *    and removed before it. If the current text there is exactly the quote, that is the anchor.
 * 2. Otherwise the quote itself was edited, removed, or moved. It is looked for again only in text
 *    the edit added (a move shows as a removal and an addition): an occurrence made entirely of
 *    text that was already there is another occurrence, not this one. Of several, the one whose
 *    surroundings match the stored prefix and suffix best wins, then the one nearest the carried
 *    position.
 * 3. No exact occurrence: the text is gone, and the anchor is null (no fuzzy matching).
 *
 * Time: the diff (bounded by TextDiffer's budget), then O(log parts) per comment, plus the added text's
 * length for a comment whose quote is not where it was carried.
 */
export class TextAnchoring {
  /** The equal and removed parts, in order of the `before` side (added ones take no room there). */
  private readonly kept: PlacedPart[] = [];
  /** Ranges of `after` that the diff shows as added, in order. */
  private readonly added: TextRange[] = [];

  constructor(
    parts: readonly TextPart[],
    private readonly after: string,
  ) {
    let before = 0;
    let at = 0;
    for (const part of parts) {
      const length = part.value.length;
      if (length === 0) continue;
      if (part.kind === 'added') this.added.push({ start: at, end: at + length });
      else this.kept.push({ kind: part.kind, before, after: at, length });
      if (part.kind !== 'added') before += length;
      if (part.kind !== 'removed') at += length;
    }
    if (at !== after.length) throw new Error('The diff does not join back to the current text');
  }

  /** Where the selector's text is in the current text, or null once it is gone. */
  anchor(selector: TextSelector): TextRange | null {
    const start = this.carry(selector.start, 'start');
    const end = this.carry(selector.end, 'end');
    if (end > start && this.after.slice(start, end) === selector.exact) return { start, end };
    return this.findInAddedText(selector, start);
  }

  /**
   * A position of `before` carried into `after`: a start goes with the character after it, an end
   * with the character before it, so text typed right next to the quote stays out of the range. A
   * position inside removed text goes to where that text was.
   */
  private carry(position: number, edge: 'start' | 'end'): number {
    const character = edge === 'start' ? position : position - 1;
    // The last part of the `before` side that begins at or before that character.
    let low = 0;
    let high = this.kept.length - 1;
    let found: PlacedPart | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const part = this.kept[middle]!;
      if (part.before <= character) {
        found = part;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (!found || found.kind === 'removed') return found?.after ?? 0;
    return found.after + position - found.before;
  }

  private findInAddedText(selector: TextSelector, near: number): TextRange | null {
    const { exact } = selector;
    let best: { start: number; score: number; distance: number } | undefined;
    let seen = 0;
    let lastStart = -1;
    for (const range of this.added) {
      // Occurrences that overlap this added range: they start at most exact.length − 1 before it.
      const from = Math.max(range.start - exact.length + 1, lastStart + 1, 0);
      const window = this.after.slice(from, Math.min(this.after.length, range.end + exact.length - 1));
      for (let i = window.indexOf(exact); i !== -1; i = window.indexOf(exact, i + 1)) {
        const start = from + i;
        if (splitsSurrogatePair(this.after, start) || splitsSurrogatePair(this.after, start + exact.length)) continue;
        lastStart = start;
        const score = this.contextScore(selector, start);
        const distance = Math.abs(start - near);
        if (!best || score > best.score || (score === best.score && distance < best.distance))
          best = { start, score, distance };
        if (++seen >= MAX_CANDIDATES) return { start: best.start, end: best.start + exact.length };
      }
    }
    return best ? { start: best.start, end: best.start + exact.length } : null;
  }

  /** How many characters of the stored prefix (read backwards) and suffix (forwards) the text around `start` shares. */
  private contextScore(selector: TextSelector, start: number): number {
    let score = 0;
    const { prefix, suffix } = selector;
    for (let i = 1; i <= prefix.length && start - i >= 0; i++, score++)
      if (prefix.charCodeAt(prefix.length - i) !== this.after.charCodeAt(start - i)) break;
    const end = start + selector.exact.length;
    for (let i = 0; i < suffix.length && end + i < this.after.length; i++, score++)
      if (suffix.charCodeAt(i) !== this.after.charCodeAt(end + i)) break;
    return score;
  }
}
