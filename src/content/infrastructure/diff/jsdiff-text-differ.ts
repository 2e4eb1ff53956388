import { Injectable } from '@nestjs/common';
import { diffArrays, diffLines, type ChangeObject } from 'diff';
import { TextDiffer } from '../../application/ports/text-differ';
import type { TextPart } from '../../domain/version-diff';

/**
 * TextDiffer over jsdiff. Its word tokenizers know Latin letters only and cut Persian words at
 * every letter and at the zero-width non-joiner, so words come from ICU's word segmenter
 * (Intl.Segmenter, which keeps «می‌شود» whole) and jsdiff compares the token arrays. Spaces and
 * punctuation are tokens too: joining the parts gives back each text exactly.
 */
@Injectable()
export class JsDiffTextDiffer extends TextDiffer {
  private readonly segmenter = new Intl.Segmenter('fa', { granularity: 'word' });

  /** A missing newline at the end is not a change a reader sees: both sides end with one before comparing. */
  lines(before: string, after: string): TextPart[] {
    return diffLines(withFinalNewline(before), withFinalNewline(after)).map((change: ChangeObject<string>) => ({
      kind: kindOf(change),
      value: change.value,
    }));
  }

  words(before: string, after: string): TextPart[] {
    return diffArrays(this.tokens(before), this.tokens(after)).map((change) => ({
      kind: kindOf(change),
      value: change.value.join(''),
    }));
  }

  private tokens(text: string): string[] {
    return Array.from(this.segmenter.segment(text), (segment) => segment.segment);
  }
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function kindOf(change: { added: boolean; removed: boolean }): TextPart['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'equal';
}
