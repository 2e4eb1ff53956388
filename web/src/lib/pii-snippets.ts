import type { PiiFinding } from './pii-segments';

/** A finding with a little of the text on each side, to show where it stands. */
export interface PiiSnippet {
  type: string;
  /** The text just before the finding, with `…` in front when it does not start the text. */
  before: string;
  /** The finding itself: `text.slice(start, end)`. */
  value: string;
  /** The text just after the finding, with `…` after it when it does not end the text. */
  after: string;
}

/** Whether a UTF-16 index falls between the two halves of a surrogate pair (an emoji, say). */
function splitsPair(text: string, index: number): boolean {
  const previous = text.charCodeAt(index - 1);
  const next = text.charCodeAt(index);
  return previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

const oneLine = (piece: string) => piece.replace(/\s+/g, ' ');

/**
 * Each finding (in text order; overlapping or out-of-range ones skipped, as piiSegments does) with up
 * to `context` UTF-16 units of the text on either side: never into the finding before or after it,
 * widened rather than cut through an emoji, and with line breaks shown as spaces so that a snippet
 * stays on one line.
 */
export function piiSnippets(text: string, findings: PiiFinding[], context = 24): PiiSnippet[] {
  const kept: PiiFinding[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < (kept.at(-1)?.end ?? 0) || finding.end > text.length || finding.end <= finding.start) continue;
    kept.push(finding);
  }
  return kept.map((finding, index) => {
    let from = Math.max(kept[index - 1]?.end ?? 0, finding.start - context);
    if (from > 0 && splitsPair(text, from)) from -= 1;
    let to = Math.min(kept[index + 1]?.start ?? text.length, finding.end + context);
    if (to < text.length && splitsPair(text, to)) to += 1;
    return {
      type: finding.type,
      before: `${from > 0 ? '…' : ''}${oneLine(text.slice(from, finding.start))}`,
      value: text.slice(finding.start, finding.end),
      after: `${oneLine(text.slice(finding.end, to))}${to < text.length ? '…' : ''}`,
    };
  });
}
