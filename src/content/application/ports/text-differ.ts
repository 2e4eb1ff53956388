import type { TextPart } from '../../domain/version-diff';

/** Compares two texts; the parts, joined, give back each side. Each answer is bounded in time. */
export abstract class TextDiffer {
  /** By whole lines (each part's value ends with "\n" except perhaps the text's last line). */
  abstract lines(before: string, after: string): TextPart[];
  /** By words, keeping the spaces; Persian words (with their zero-width non-joiners) stay whole. */
  abstract words(before: string, after: string): TextPart[];
  /**
   * `words` for the many line pairs of one comparison: all its calls share one time budget, and
   * pairs compared after it is spent get a coarser answer (still joining back to each side).
   */
  abstract wordsSharingABudget(): (before: string, after: string) => TextPart[];
}
