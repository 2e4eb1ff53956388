export interface PiiFinding {
  type: string;
  start: number;
  end: number;
}

export type TextSegment = { text: string; pii?: string };

/**
 * Cuts a body into plain and highlighted pieces at the findings' UTF-16 offsets (the API's
 * offsets are JavaScript string indices, so slice() is exact even after emoji). Overlapping or
 * out-of-range findings are skipped rather than trusted.
 */
export function piiSegments(text: string, findings: PiiFinding[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < position || finding.end > text.length || finding.end <= finding.start) continue;
    if (finding.start > position) segments.push({ text: text.slice(position, finding.start) });
    segments.push({ text: text.slice(finding.start, finding.end), pii: finding.type });
    position = finding.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position) });
  return segments;
}
