/** Letters, digits and combining marks, with the joiners Persian writes inside words. */
const TERM = /[\p{L}\p{N}\p{M}\u200c\u200d]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What the store's normalisation (contexor_search_text) removes: diacritics, tatweel, invisible joiners, soft hyphens. */
const FOLDED_AWAY = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u00AD]/gu;

export const SEARCH_LIMITS = { terms: 8, termLength: 64 } as const;

/**
 * The words of a search as the user typed them: punctuation and operators dropped, at most eight
 * words of at most 64 characters. Each word matches as a prefix, and all must match. Spelling
 * variants (Arabic ي/ك, zero-width non-joiners, diacritics, Persian and Arabic-Indic digits, case)
 * are folded by the store's normalisation, applied alike to the contents and to these words.
 */
export function searchTermsOf(query: string): string[] {
  return (
    (query.match(TERM) ?? [])
      // A word that normalises to nothing (say, tatweels alone) would be an empty prefix to the store.
      .filter((term) => HAS_LETTER_OR_DIGIT.test(term.replace(FOLDED_AWAY, '')))
      .map((term) => term.slice(0, SEARCH_LIMITS.termLength))
      .slice(0, SEARCH_LIMITS.terms)
  );
}
