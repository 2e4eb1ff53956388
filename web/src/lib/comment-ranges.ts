/**
 * The body's text ranges as the API counts them: UTF-16 code units, JavaScript string offsets
 * (`body.slice(start, end)`), for comments and their highlights.
 */
export interface TextRange {
  start: number;
  end: number;
}

/** A range to highlight for a comment (its anchor in the current body). */
export interface CommentHighlight extends TextRange {
  id: string;
  resolved: boolean;
}

export interface PiiRange extends TextRange {
  type: string;
}

/** A piece of the body and the comments whose ranges cover it. */
export interface CommentedPiece {
  text: string;
  comments: string[];
  /** True when every comment covering it is resolved (drawn dimmed). */
  resolved: boolean;
}

/** A PII finding (one mark, however many comments cross it) or the plain text between two, cut where comments start and end. */
export interface AnnotatedSegment {
  pii?: string;
  /** The whole finding's text, for its label. */
  text: string;
  pieces: CommentedPiece[];
}

/**
 * The offset, in UTF-16 code units of `root`'s text, of the DOM boundary point (node, offset), or
 * null when it lies outside `root`. Everything `root` shows must be the body's text (labels drawn
 * by CSS are not text nodes), so counting its text nodes counts the body.
 */
export function textOffsetWithin(root: Node, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null;
  const document = root.ownerDocument ?? (root as Document);
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The selection's range of `text` as rendered in `root`, or null when the selection is empty or
 * not wholly inside it. Edges are moved outwards so that a character is never cut in half (the
 * API refuses ranges that split a surrogate pair), and the range is never empty.
 */
export function selectionRange(root: Node, selection: Selection | null, text: string): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = textOffsetWithin(root, range.startContainer, range.startOffset);
  const b = textOffsetWithin(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.max(0, Math.min(a, b, text.length));
  let end = Math.min(text.length, Math.max(a, b));
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  return end > start ? { start, end } : null;
}

/**
 * The body as PII findings and the plain text between them (as PiiText shows it, one mark per
 * finding), each cut further at the edges of the comments' ranges, so comment highlights can
 * overlap each other and cross findings. Out-of-range or empty ranges are skipped rather than
 * trusted; of overlapping findings the first is kept.
 */
export function annotatedSegments(text: string, findings: PiiRange[], highlights: CommentHighlight[]): AnnotatedSegment[] {
  const valid = (range: TextRange) => range.start >= 0 && range.end <= text.length && range.end > range.start;
  const comments = highlights.filter(valid);
  const cuts = new Set<number>();
  for (const range of comments) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const piecesOf = (start: number, end: number): CommentedPiece[] => {
    const edges = [start, ...[...cuts].filter((cut) => cut > start && cut < end).sort((x, y) => x - y), end];
    const pieces: CommentedPiece[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const [from, to] = [edges[i]!, edges[i + 1]!];
      const covering = comments.filter((c) => c.start <= from && c.end >= to);
      pieces.push({ text: text.slice(from, to), comments: covering.map((c) => c.id), resolved: covering.length > 0 && covering.every((c) => c.resolved) });
    }
    return pieces;
  };
  const segments: AnnotatedSegment[] = [];
  let position = 0;
  for (const finding of [...findings].filter(valid).sort((x, y) => x.start - y.start)) {
    if (finding.start < position) continue;
    if (finding.start > position) segments.push({ text: text.slice(position, finding.start), pieces: piecesOf(position, finding.start) });
    segments.push({ pii: finding.type, text: text.slice(finding.start, finding.end), pieces: piecesOf(finding.start, finding.end) });
    position = finding.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), pieces: piecesOf(position, text.length) });
  return segments;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

/**
 * The direction of the paragraph (line) of `text` that holds `offset`, from its first strong
 * letter as the Unicode bidi algorithm takes it, or 'auto' when it has none: a quote cut from the
 * middle of a Persian sentence that starts with a Latin word still reads right to left.
 */
export function paragraphDirection(text: string, offset: number): 'rtl' | 'ltr' | 'auto' {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const line = text.slice(start, newline === -1 ? text.length : newline);
  for (const character of line) {
    if (RTL.test(character)) return 'rtl';
    if (LTR.test(character)) return 'ltr';
  }
  return 'auto';
}

const ENDS_SENTENCE = /[.!?؟…]/;

/**
 * The body's sentences as ranges, for commenting on one without a mouse: a sentence ends at a line
 * break, or after «.», «!», «?», «؟» or «…» followed by a space or the end («GPT-4.1» and «۳.۵» stay
 * whole). Spaces around a sentence are left out.
 */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) ranges.push({ start: from, end: to });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      push(start, i);
      start = i + 1;
    } else if (ENDS_SENTENCE.test(text[i]!) && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  push(start, text.length);
  return ranges;
}
