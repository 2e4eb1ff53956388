import type { PiiFinding } from './pii-segments';
import type { StyleIssue } from './types';

/** A piece of a draft and what covers it: a personal-data finding (its type), a style issue (its rule), both or neither. */
export interface MarkedPiece {
  text: string;
  pii?: string;
  style?: string;
}

type Ranged = { start: number; end: number };

/** The ranges that fit the text, in order, without overlaps among themselves (the first kept), as piiSegments takes them. */
function usable<T extends Ranged>(text: string, ranges: readonly T[]): T[] {
  const kept: T[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < (kept.at(-1)?.end ?? 0) || range.start < 0 || range.end > text.length || range.end <= range.start) continue;
    kept.push(range);
  }
  return kept;
}

/**
 * A draft cut at the edges of its personal-data findings and style issues (UTF-16 offsets, as the
 * API gives them), in the text's own order: joined, the pieces are the draft exactly, so marks
 * drawn around them never move a word.
 */
export function draftMarks(text: string, findings: readonly PiiFinding[], issues: readonly Pick<StyleIssue, 'rule' | 'start' | 'end'>[]): MarkedPiece[] {
  const pii = usable(text, findings);
  const style = usable(text, issues);
  const edges = [...new Set([0, text.length, ...pii.flatMap((r) => [r.start, r.end]), ...style.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const pieces: MarkedPiece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const finding = pii.find((r) => r.start <= from && r.end >= to);
    const issue = style.find((r) => r.start <= from && r.end >= to);
    pieces.push({ text: text.slice(from, to), ...(finding && { pii: finding.type }), ...(issue && { style: issue.rule }) });
  }
  return pieces;
}
