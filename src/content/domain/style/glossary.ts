import { FieldInvalidError } from '#libs/ddd';
import { isWordCode } from './persian-text';
import type { StyleIssue } from './style-issue';

/**
 * An organization's glossary entry. `forbidden`: the term must not be used (`preferred`, when set, is
 * what to write instead; without it the suggestion removes the term). Not forbidden with `preferred`:
 * a softer rule, the preferred spelling or word is suggested. Not forbidden without `preferred`: an
 * accepted term, which the built-in rules leave alone (a brand written «آنها», say).
 */
export interface GlossaryEntry {
  term: string;
  preferred: string | null;
  forbidden: boolean;
}

export const GLOSSARY_LIMITS = { entries: 500, termLength: 100 } as const;

/**
 * How terms are compared: one character for one (so offsets in the text hold): Arabic ي ى ك as
 * Persian ی ک, the zero-width non-joiner and no-break space as a space, Latin letters lower case.
 * «کتاب‌ها», «کتاب ها» and «كتاب ها» are one term; so are «API» and «api».
 */
export function normalizeForGlossary(text: string): string {
  return text.replace(/[\u064A\u0649\u0643\u200C\u00A0A-Z]/g, (char) => {
    if (char === '\u0643') return 'ک';
    if (char === '\u064A' || char === '\u0649') return 'ی';
    if (char === '\u200C' || char === '\u00A0') return ' ';
    return char.toLowerCase();
  });
}

/** The normalized term with its spaces trimmed and runs of them made one: what duplicates are judged by. */
export const glossaryKey = (term: string): string => normalizeForGlossary(term).trim().replace(/\s+/g, ' ');

const WORD = /[\p{L}\p{N}\p{M}]+/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A letter, digit or mark (as WORD_CHAR), with the ASCII and Arabic-script ranges decided without a regular expression. */
function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x0600 && code <= 0x06ff)
    return isWordCode(code) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
  return WORD_CHAR.test(text[index]!);
}

/**
 * Checks a whole glossary as a PUT brings it: each term non-blank, with a letter or digit, at most
 * 100 characters (as is `preferred`), at most 500 entries, no two terms the same after
 * normalization. Answers the entries trimmed; throws 400 VALIDATION_FAILED naming the fields.
 */
export function validateGlossary(entries: GlossaryEntry[]): GlossaryEntry[] {
  if (entries.length > GLOSSARY_LIMITS.entries) {
    throw new FieldInvalidError('glossary', `at most ${GLOSSARY_LIMITS.entries} entries`);
  }
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    const term = entry.term.trim();
    const key = glossaryKey(term);
    if (!key || !WORD_CHAR.test(key))
      throw new FieldInvalidError(`${index}.term`, 'term must contain a letter or a digit');
    if (term.length > GLOSSARY_LIMITS.termLength) {
      throw new FieldInvalidError(`${index}.term`, `term must be at most ${GLOSSARY_LIMITS.termLength} characters`);
    }
    const first = seen.get(key);
    if (first !== undefined) {
      throw new FieldInvalidError(
        `${index}.term`,
        `term repeats entry ${first} («${entries[first]!.term}») once normalized`,
      );
    }
    seen.set(key, index);
    const preferred = entry.preferred?.trim() || null;
    if (preferred && preferred.length > GLOSSARY_LIMITS.termLength) {
      throw new FieldInvalidError(
        `${index}.preferred`,
        `preferred must be at most ${GLOSSARY_LIMITS.termLength} characters`,
      );
    }
    return { term, preferred, forbidden: entry.forbidden };
  });
}

interface CompiledTerm {
  key: string;
  entry: GlossaryEntry;
}

/** Where the glossary's terms occur in a text, and what each occurrence asks for. */
export interface GlossaryMatch {
  start: number;
  end: number;
  issue: StyleIssue | undefined;
}

/**
 * Finds every occurrence of a term as whole words (its first word starts a word of the text and its
 * end ends one), longest term first where several start at one word, occurrences not overlapping.
 * Terms are looked up by their first word, so a text is walked once whatever the glossary's size.
 */
export function matchGlossary(text: string, glossary: readonly GlossaryEntry[]): GlossaryMatch[] {
  if (!glossary.length) return [];
  const byFirstWord = new Map<string, CompiledTerm[]>();
  for (const entry of glossary) {
    const key = glossaryKey(entry.term);
    const first = key.match(WORD)?.[0];
    if (!first || !key.startsWith(first)) continue;
    const terms = byFirstWord.get(first) ?? [];
    terms.push({ key, entry });
    byFirstWord.set(first, terms);
  }
  for (const terms of byFirstWord.values()) terms.sort((a, b) => b.key.length - a.key.length);

  const normalized = normalizeForGlossary(text);
  const matches: GlossaryMatch[] = [];
  for (let i = 0; i < normalized.length; i++) {
    if (!isWordCharAt(normalized, i)) continue;
    const start = i;
    while (i + 1 < normalized.length && isWordCharAt(normalized, i + 1)) i++;
    const terms = byFirstWord.get(normalized.slice(start, i + 1));
    const found = terms?.find(
      ({ key }) => normalized.startsWith(key, start) && !isWordCharAt(normalized, start + key.length),
    );
    if (!found) continue;
    const end = start + found.key.length;
    matches.push({ start, end, issue: issueOf(text, start, end, found.entry) });
    i = end - 1;
  }
  return matches;
}

function issueOf(text: string, start: number, end: number, entry: GlossaryEntry): StyleIssue | undefined {
  if (entry.forbidden) {
    if (entry.preferred) return { rule: 'glossary-forbidden', start, end, suggestion: entry.preferred };
    // Removed with one of the spaces around it, so no double space is left behind.
    if (text[end] === ' ') return { rule: 'glossary-forbidden', start, end: end + 1, suggestion: '' };
    if (text[start - 1] === ' ') return { rule: 'glossary-forbidden', start: start - 1, end, suggestion: '' };
    return { rule: 'glossary-forbidden', start, end, suggestion: '' };
  }
  if (entry.preferred && text.slice(start, end) !== entry.preferred) {
    return { rule: 'glossary-preferred', start, end, suggestion: entry.preferred };
  }
  return undefined;
}
