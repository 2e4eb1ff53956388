import type { StyleIssue } from '@/lib/types';

/**
 * The body with the given issues' suggestions in place of their ranges (UTF-16 offsets into `body`,
 * as the API gives them). Issues that overlap one already applied are skipped: the API never sends
 * overlapping ones, and the next check finds whatever is left.
 */
export function applyStyleIssues(body: string, issues: readonly Pick<StyleIssue, 'start' | 'end' | 'suggestion'>[]): string {
  let out = '';
  let at = 0;
  for (const issue of [...issues].sort((a, b) => a.start - b.start)) {
    if (issue.start < at || issue.end > body.length) continue;
    out += body.slice(at, issue.start) + issue.suggestion;
    at = issue.end;
  }
  return out + body.slice(at);
}

/** Spaces and non-joiners made visible, so «  » and «می شود» read as what they are. */
export function visibleText(text: string): string {
  return text.replace(/ /g, '␣').replace(/\u200c/g, '‹نیم‌فاصله›');
}

/** As the API compares glossary terms: Arabic ي/ك as ی/ک, non-joiner as space, spaces collapsed, Latin lower case. */
export function glossaryKey(term: string): string {
  return term
    .replace(/[\u064A\u0649]/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/[\u200c\u00a0]/g, ' ')
    .replace(/[A-Z]/g, (char) => char.toLowerCase())
    .trim()
    .replace(/\s+/g, ' ');
}
