import { buildLineDiff, type TextPart } from './version-diff';

const equal = (value: string): TextPart => ({ kind: 'equal', value });
const added = (value: string): TextPart => ({ kind: 'added', value });
const removed = (value: string): TextPart => ({ kind: 'removed', value });
const wordDiff = (before: string, after: string): TextPart[] => [removed(before), added(after)];

describe('buildLineDiff', () => {
  it('numbers unchanged lines on both sides', () => {
    expect(buildLineDiff([equal('سلام\nدنیا\n')], wordDiff)).toEqual({
      stats: { unchanged: 2, changed: 0, added: 0, removed: 0 },
      lines: [
        { type: 'unchanged', fromLine: 1, toLine: 1, text: 'سلام' },
        { type: 'unchanged', fromLine: 2, toLine: 2, text: 'دنیا' },
      ],
    });
  });

  it('pairs a removed block with the added block after it as changed lines, leaving the rest added or removed', () => {
    const diff = buildLineDiff([equal('a\n'), removed('b\nc\n'), added('B\n'), equal('d\n'), added('e')], wordDiff);

    expect(diff.lines).toEqual([
      { type: 'unchanged', fromLine: 1, toLine: 1, text: 'a' },
      { type: 'changed', fromLine: 2, toLine: 2, segments: [removed('b'), added('B')] },
      { type: 'removed', fromLine: 3, text: 'c' },
      { type: 'unchanged', fromLine: 4, toLine: 3, text: 'd' },
      { type: 'added', toLine: 4, text: 'e' },
    ]);
    expect(diff.stats).toEqual({ unchanged: 2, changed: 1, added: 1, removed: 1 });
  });

  it('compares with an empty side', () => {
    expect(buildLineDiff([added('x\ny')], wordDiff).lines).toEqual([
      { type: 'added', toLine: 1, text: 'x' },
      { type: 'added', toLine: 2, text: 'y' },
    ]);
    expect(buildLineDiff([], wordDiff)).toEqual({
      stats: { unchanged: 0, changed: 0, added: 0, removed: 0 },
      lines: [],
    });
  });
});
