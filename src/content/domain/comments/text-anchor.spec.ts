import { coarseDiff, JsDiffTextDiffer } from '../../infrastructure/jsdiff/jsdiff-text-differ';
import type { TextPart } from '../version-diff';
import { ANCHOR_CONTEXT_LENGTH, rangeProblem, selectorOf, splitsSurrogatePair, TextAnchoring } from './text-anchor';

// The word diff the API uses (ICU words, Persian kept whole), so these cases see what production sees.
const differ = new JsDiffTextDiffer();

/** Comments on `quote` (its `occurrence`-th appearance) in `before`, then follows it into `after`. */
function follow(before: string, quote: string, after: string, occurrence = 0, parts?: TextPart[]) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = before.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  const selector = selectorOf(before, start, start + quote.length);
  const anchor = new TextAnchoring(parts ?? differ.words(before, after), after).anchor(selector);
  return { anchor, text: anchor ? after.slice(anchor.start, anchor.end) : null };
}

describe('rangeProblem', () => {
  const text = 'سلام 🙂 دنیا';

  it.each([
    [-1, 2, 'start_negative'],
    [3, 3, 'empty'],
    [4, 2, 'empty'],
    [0, text.length + 1, 'past_end'],
    [text.indexOf('🙂') + 1, text.length, 'splits_surrogate_pair'],
    [0, text.indexOf('🙂') + 1, 'splits_surrogate_pair'],
  ])('refuses [%i, %i) as %s', (start, end, problem) => {
    expect(rangeProblem(text, start, end)).toBe(problem);
  });

  it('accepts whole characters, the whole text and an emoji alone', () => {
    const emoji = text.indexOf('🙂');
    expect(rangeProblem(text, 0, text.length)).toBeUndefined();
    expect(rangeProblem(text, emoji, emoji + 2)).toBeUndefined();
    expect(rangeProblem(text, 0, 1)).toBeUndefined();
  });
});

describe('selectorOf', () => {
  it('keeps the quote and up to ANCHOR_CONTEXT_LENGTH characters each side', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    const selector = selectorOf(text, 40, 45);
    expect(selector).toEqual({
      start: 40,
      end: 45,
      exact: 'QUOTE',
      prefix: 'a'.repeat(ANCHOR_CONTEXT_LENGTH),
      suffix: 'b'.repeat(ANCHOR_CONTEXT_LENGTH),
    });
  });

  it('never cuts a character in half at the edge of its context', () => {
    const text = `${'🙂'.repeat(20)}aXb${'🙂'.repeat(20)}`;
    const start = text.indexOf('X');
    const { prefix, suffix } = selectorOf(text, start, start + 1);
    expect(splitsSurrogatePair(text, start - prefix.length)).toBe(false);
    expect(prefix).toBe(`${'🙂'.repeat(15)}a`);
    expect(suffix).toBe(`b${'🙂'.repeat(15)}`);
  });
});

describe('TextAnchoring', () => {
  const before = 'The first paragraph stays. The reviewed sentence is here. The last one stays too.';

  it('keeps the range when nothing changed', () => {
    const { anchor } = follow(before, 'reviewed sentence', before);
    expect(anchor).toEqual({ start: before.indexOf('reviewed'), end: before.indexOf(' is here') });
  });

  it('shifts the range by text inserted before it', () => {
    const after = `A new opening line. ${before}`;
    expect(follow(before, 'reviewed sentence', after)).toEqual({
      anchor: { start: after.indexOf('reviewed'), end: after.indexOf(' is here') },
      text: 'reviewed sentence',
    });
  });

  it('keeps the range when text is inserted after it, or right next to it on either side', () => {
    expect(follow(before, 'reviewed sentence', `${before} And an appendix.`).text).toBe('reviewed sentence');
    const touching = before.replace('reviewed sentence', 'NEWreviewed sentenceNEW');
    expect(follow(before, 'reviewed sentence', touching).text).toBe('reviewed sentence');
  });

  it('follows text deleted before it and elsewhere', () => {
    const after = before.replace('The first paragraph stays. ', '').replace(' too', '');
    const { anchor, text } = follow(before, 'reviewed sentence', after);
    expect(text).toBe('reviewed sentence');
    expect(anchor?.start).toBe(after.indexOf('reviewed'));
  });

  it('is null when words inside the quote changed, or words were inserted into it', () => {
    expect(follow(before, 'reviewed sentence', before.replace('reviewed', 'approved')).anchor).toBeNull();
    expect(follow(before, 'reviewed sentence', before.replace('reviewed ', 'reviewed long ')).anchor).toBeNull();
  });

  it('is null once the quoted text is deleted', () => {
    expect(
      follow(before, 'The reviewed sentence is here. ', before.replace('The reviewed sentence is here. ', '')).anchor,
    ).toBeNull();
  });

  it('is null when the text is gone even if the same words remain elsewhere', () => {
    const text = 'Check the date. Then check the date again.';
    // The first "the date" is deleted; the second one is another occurrence, not this one.
    expect(follow(text, 'the date', 'Check. Then check the date again.').anchor).toBeNull();
  });

  it('follows a sentence moved elsewhere in the text', () => {
    const after = 'The first paragraph stays. The last one stays too. The reviewed sentence is here.';
    const { anchor, text } = follow(before, 'reviewed sentence is here', after);
    expect(text).toBe('reviewed sentence is here');
    expect(anchor?.start).toBe(after.indexOf('reviewed'));
  });

  it('tells a duplicated quote apart by its context, before nearness', () => {
    const text = 'Alpha says yes. Beta says yes. Gamma';
    const after = 'Zed. Alpha says yes. Beta says yes.';
    // The coarse diff shows all of it rewritten: both "says yes" are candidates; Beta's nearest is the first one.
    const { anchor } = follow(text, 'says yes', after, 1, coarseDiff(text, after));
    expect(anchor?.start).toBe(after.lastIndexOf('says yes'));
  });

  it('follows the occurrence the diff carried when an equal quote is written elsewhere', () => {
    const text = 'Alpha says yes. Beta says yes.';
    const after = 'Delta says yes. Alpha says yes. Beta says yes.';
    expect(follow(text, 'says yes', after, 1).anchor?.start).toBe(after.lastIndexOf('says yes'));
    expect(follow(text, 'says yes', after, 0).anchor?.start).toBe(after.indexOf('Alpha') + 'Alpha '.length);
  });

  it('follows Persian text with zero-width non-joiners through an edit before it', () => {
    const fa = 'این متن را می‌خوانیم. کتاب‌ها را به کتابخانه برمی‌گردانیم. پایان.';
    const after = `مقدمه‌ای کوتاه اضافه شد. ${fa}`;
    expect(follow(fa, 'کتاب‌ها را به کتابخانه', after)).toEqual({
      anchor: { start: after.indexOf('کتاب‌ها'), end: after.indexOf(' برمی‌گردانیم') },
      text: 'کتاب‌ها را به کتابخانه',
    });
  });

  it('is null when a Persian word of the quote loses its zero-width non-joiner', () => {
    const fa = 'کتاب‌ها را برمی‌گردانیم.';
    expect(follow(fa, 'کتاب‌ها', fa.replace('کتاب‌ها', 'کتابها')).anchor).toBeNull();
  });

  it('counts in UTF-16 code units across emoji and keeps an emoji quote whole', () => {
    const text = 'سلام 🙂 دنیا 👍🏽 پایان';
    const after = `🎉🎉 ${text}`;
    expect(follow(text, '👍🏽', after)).toEqual({
      anchor: { start: after.indexOf('👍🏽'), end: after.indexOf('👍🏽') + 4 },
      text: '👍🏽',
    });
  });

  it('finds a moved quote in mixed Persian and Latin text', () => {
    const text = 'مدل GPT-4.1 mini را انتخاب کنید. هزینه کمتر است.';
    const after = 'هزینه کمتر است. مدل GPT-4.1 mini را انتخاب کنید.';
    expect(follow(text, 'GPT-4.1 mini', after).anchor?.start).toBe(after.indexOf('GPT'));
  });

  it('still anchors with the coarse diff a large, very different pair falls back to', () => {
    const head = 'یک '.repeat(50);
    const text = `${head}quoted words${' دو'.repeat(50)}`;
    const after = `${head}something else entirely, then quoted words${' سه'.repeat(50)}`;
    const { text: found } = follow(text, 'quoted words', after, 0, coarseDiff(text, after));
    expect(found).toBe('quoted words');
  });

  it('maps many comments of one version in one pass over a large body', () => {
    const paragraph = 'بند شماره N: متن نمونه با کلمه‌های تکراری و 🙂.\n';
    const text = Array.from({ length: 2_000 }, (_, i) => paragraph.replace('N', String(i))).join('');
    const after = `سطر تازه\n${text.replace('بند شماره 1000:', 'بند شماره هزار:')}`;
    const anchoring = new TextAnchoring(differ.words(text, after), after);
    const at = (n: number) => text.indexOf(`بند شماره ${n}:`);
    const selectors = [10, 999, 1000, 1999].map((n) => selectorOf(text, at(n), at(n) + `بند شماره ${n}`.length));
    const started = performance.now();
    const anchors = selectors.map((selector) => anchoring.anchor(selector));
    expect(performance.now() - started).toBeLessThan(200);
    expect(anchors.map((anchor) => (anchor ? after.slice(anchor.start, anchor.end) : null))).toEqual([
      'بند شماره 10',
      'بند شماره 999',
      null,
      'بند شماره 1999',
    ]);
  });

  it('refuses a diff that does not give back the current text', () => {
    expect(() => new TextAnchoring([{ kind: 'equal', value: 'abc' }], 'abcd')).toThrow();
  });
});
