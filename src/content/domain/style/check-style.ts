import { matchGlossary, type GlossaryEntry } from './glossary';
import { PERSIAN_RULES } from './persian-rules';
import { persianWords, toPersianLetters } from './persian-text';
import { MAX_STYLE_ISSUES, STYLE_RULES, type StyleIssue, type StyleReport } from './style-issue';

const RANK = new Map(STYLE_RULES.map((rule, index) => [rule, index]));

/**
 * The style issues of a text: the glossary's, then the built-in Persian rules' outside the glossary's
 * terms (an accepted term is left as the organization writes it). Issues never overlap: where two
 * would, the earlier one wins, and on the same start the rule listed first in STYLE_RULES. At most
 * MAX_STYLE_ISSUES, in text order. Pure and linear in the text's length.
 */
export function checkStyle(text: string, glossary: readonly GlossaryEntry[] = []): StyleReport {
  const claimed = matchGlossary(text, glossary);
  const found: StyleIssue[] = claimed.flatMap((match) => (match.issue ? [match.issue] : []));
  const norm = toPersianLetters(text);
  const words = persianWords(norm);
  for (const rule of PERSIAN_RULES) rule(text, norm, found, words);

  found.sort((a, b) => a.start - b.start || RANK.get(a.rule)! - RANK.get(b.rule)! || b.end - a.end);
  const issues: StyleIssue[] = [];
  let end = 0;
  let glossaryAt = 0;
  for (const issue of found) {
    if (issue.start < end) continue;
    if (!issue.rule.startsWith('glossary-')) {
      // Skip the built-in issue if it touches a glossary term (claimed ranges are sorted, apart).
      while (glossaryAt < claimed.length && claimed[glossaryAt]!.end <= issue.start) glossaryAt++;
      const term = claimed[glossaryAt];
      if (term && term.start < issue.end) continue;
    }
    issues.push(issue);
    end = issue.end;
    if (issues.length === MAX_STYLE_ISSUES) break;
  }
  return { issues };
}

/** Applies issues (non-overlapping, as checkStyle answers them) to the text they were found in. */
export function applyStyleIssues(text: string, issues: readonly StyleIssue[]): string {
  let out = '';
  let at = 0;
  for (const issue of [...issues].sort((a, b) => a.start - b.start)) {
    if (issue.start < at) continue;
    out += text.slice(at, issue.start) + issue.suggestion;
    at = issue.end;
  }
  return out + text.slice(at);
}
