/**
 * The style rules, by stable id (stored nowhere, but clients key on them). Issues of different
 * rules never overlap: where two would, the one listed first here wins (a glossary entry before
 * any built-in rule), and applying it leaves the other to the next check.
 */
export const STYLE_RULES = [
  'glossary-forbidden',
  'glossary-preferred',
  'zwnj-mi',
  'zwnj-ha',
  'zwnj-tar',
  'arabic-letters',
  'latin-punctuation',
  'mixed-digits',
  'double-space',
] as const;

export type StyleRule = (typeof STYLE_RULES)[number];

/** `text.slice(start, end)` (UTF-16 offsets, like pii) is what `suggestion` should replace. */
export interface StyleIssue {
  rule: StyleRule;
  start: number;
  end: number;
  suggestion: string;
}

export interface StyleReport {
  issues: StyleIssue[];
}

/** A text with more issues than this reports the first ones only (by position). */
export const MAX_STYLE_ISSUES = 1_000;
