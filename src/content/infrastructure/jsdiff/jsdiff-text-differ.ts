import { Injectable } from '@nestjs/common';
import { diffArrays, diffLines, type ChangeObject } from 'diff';
import { TextDiffer } from '../../application/ports/text-differ';
import type { TextPart } from '../../domain/version-diff';

/**
 * How long one comparison may hold the event loop. jsdiff's work grows with the square of the
 * differences (two versions of 16 000 changed lines took 50 s); past this budget it gives up and
 * the answer is a coarser one.
 */
export const DIFF_BUDGET_MS = 25;

/**
 * TextDiffer over jsdiff. Its word tokenizers know Latin letters only and cut Persian words at
 * every letter and at the zero-width non-joiner, so words come from ICU's word segmenter
 * (Intl.Segmenter, which keeps «می‌شود» whole) and jsdiff compares the token arrays. Spaces and
 * punctuation are tokens too: joining the parts gives back each text exactly.
 *
 * Each comparison runs within DIFF_BUDGET_MS; one that would take longer (large, very different
 * texts) falls back to a coarse answer in linear time: the common beginning and end kept, the
 * middle shown as removed and added (on line boundaries for a line diff).
 */
@Injectable()
export class JsDiffTextDiffer extends TextDiffer {
  private readonly segmenter = new Intl.Segmenter('fa', { granularity: 'word' });

  /** A missing newline at the end is not a change a reader sees: both sides end with one before comparing. */
  lines(before: string, after: string): TextPart[] {
    const [a, b] = [withFinalNewline(before), withFinalNewline(after)];
    const changes = diffLines(a, b, { timeout: DIFF_BUDGET_MS });
    if (!changes) return coarseDiff(a, b, '\n');
    return changes.map((change: ChangeObject<string>) => ({ kind: kindOf(change), value: change.value }));
  }

  words(before: string, after: string): TextPart[] {
    return this.wordsWithin(before, after, DIFF_BUDGET_MS);
  }

  wordsSharingABudget(): (before: string, after: string) => TextPart[] {
    const deadline = performance.now() + DIFF_BUDGET_MS;
    return (before, after) => {
      const left = deadline - performance.now();
      return left >= 1 ? this.wordsWithin(before, after, left) : coarseDiff(before, after);
    };
  }

  private wordsWithin(before: string, after: string, budgetMs: number): TextPart[] {
    const changes = diffArrays(this.tokens(before), this.tokens(after), { timeout: budgetMs });
    if (!changes) return coarseDiff(before, after);
    return changes.map((change) => ({ kind: kindOf(change), value: change.value.join('') }));
  }

  private tokens(text: string): string[] {
    return Array.from(this.segmenter.segment(text), (segment) => segment.segment);
  }
}

/**
 * The common beginning and end as `equal`, the rest of each side as `removed` and `added`. With a
 * `boundary`, the middle starts just after one and ends with one (whole lines). Linear time.
 */
export function coarseDiff(before: string, after: string, boundary?: string): TextPart[] {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  if (boundary) {
    // Back to the start of the line the first difference is in, and forward to the end of the last one's.
    head = head === before.length && head === after.length ? head : before.lastIndexOf(boundary, head - 1) + 1;
    const endsLineIn = (text: string) => text.charAt(text.length - tail - 1) === boundary;
    while (tail > 0 && !(endsLineIn(before) && endsLineIn(after))) tail--;
  }
  const parts: TextPart[] = [
    { kind: 'equal', value: before.slice(0, head) },
    { kind: 'removed', value: before.slice(head, before.length - tail) },
    { kind: 'added', value: after.slice(head, after.length - tail) },
    { kind: 'equal', value: before.slice(before.length - tail) },
  ];
  return parts.filter((part) => part.value !== '');
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function kindOf(change: { added: boolean; removed: boolean }): TextPart['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'equal';
}
