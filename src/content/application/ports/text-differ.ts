import type { TextPart } from '../../domain/version-diff';

/** Compares two texts; the parts, joined, give back each side. */
export abstract class TextDiffer {
  /** By whole lines (each part's value ends with "\n" except perhaps the text's last line). */
  abstract lines(before: string, after: string): TextPart[];
  /** By words, keeping the spaces; Persian words (with their zero-width non-joiners) stay whole. */
  abstract words(before: string, after: string): TextPart[];
}
