/** A run of text that both sides share, or that only one side has. */
export interface TextPart {
  kind: 'equal' | 'added' | 'removed';
  value: string;
}

/**
 * One line of a comparison. Line numbers are 1-based on each side. A `changed` line pairs a
 * removed line with the added line that replaced it and says, word by word, what changed.
 */
export type DiffLine =
  | { type: 'unchanged'; fromLine: number; toLine: number; text: string }
  | { type: 'removed'; fromLine: number; text: string }
  | { type: 'added'; toLine: number; text: string }
  | { type: 'changed'; fromLine: number; toLine: number; segments: TextPart[] };

export interface LineDiff {
  stats: { unchanged: number; changed: number; added: number; removed: number };
  lines: DiffLine[];
}

/** Splits a run of whole lines ("a\nb\n" or a last line without "\n") into lines. */
function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Turns a line diff into numbered lines, pairing each block of removed lines with the block of
 * added lines that follows it: the first removed line with the first added one, and so on, as
 * `changed` lines with a word diff; what is left over stays removed or added. Nothing here is
 * rendered: no "+"/"-" markers, so a right-to-left reader shows it as it reads.
 */
export function buildLineDiff(
  lineParts: TextPart[],
  wordDiff: (before: string, after: string) => TextPart[],
): LineDiff {
  const lines: DiffLine[] = [];
  let fromLine = 0;
  let toLine = 0;
  for (let i = 0; i < lineParts.length; i++) {
    const part = lineParts[i];
    if (!part) continue;
    if (part.kind === 'equal') {
      for (const text of linesOf(part.value))
        lines.push({ type: 'unchanged', fromLine: ++fromLine, toLine: ++toLine, text });
      continue;
    }
    if (part.kind === 'added') {
      for (const text of linesOf(part.value)) lines.push({ type: 'added', toLine: ++toLine, text });
      continue;
    }
    const removed = linesOf(part.value);
    const next = lineParts[i + 1];
    const added = next?.kind === 'added' ? linesOf(next.value) : [];
    if (next?.kind === 'added') i++;
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      lines.push({
        type: 'changed',
        fromLine: ++fromLine,
        toLine: ++toLine,
        segments: wordDiff(removed[k] ?? '', added[k] ?? ''),
      });
    }
    for (const text of removed.slice(paired)) lines.push({ type: 'removed', fromLine: ++fromLine, text });
    for (const text of added.slice(paired)) lines.push({ type: 'added', toLine: ++toLine, text });
  }
  const stats = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  for (const line of lines) stats[line.type] += 1;
  return { stats, lines };
}
