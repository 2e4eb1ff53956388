import { buildLineDiff } from '../../domain/version-diff';
import { JsDiffTextDiffer } from './jsdiff-text-differ';

describe('JsDiffTextDiffer', () => {
  const differ = new JsDiffTextDiffer();

  it('keeps Persian words with zero-width non-joiners whole in a word diff', () => {
    const parts = differ.words('گوشی‌های جدید با باتری دوروزه عرضه شد.', 'گوشی‌های تازه با باتری سه‌روزه عرضه می‌شود.');

    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.value)).toEqual(['جدید', 'دوروزه', 'شد']);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.value)).toEqual([
      'تازه',
      'سه‌روزه',
      'می‌شود',
    ]);
  });

  it('gives back each side when its parts are joined', () => {
    const before = 'Contexor نسخهٔ ۲ را منتشر کرد.\nخط دوم';
    const after = 'Contexor نسخهٔ ۳ را منتشر کرد!\nخط دوم\nخط سوم';
    const parts = differ.words(before, after);

    expect(
      parts
        .filter((part) => part.kind !== 'added')
        .map((part) => part.value)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.value)
        .join(''),
    ).toBe(after);
  });

  it('diffs identical texts as unchanged lines, and mixed right-to-left and left-to-right lines', () => {
    const text = 'سلام\nHello world';
    expect(buildLineDiff(differ.lines(text, text), (a, b) => differ.words(a, b)).stats).toEqual({
      unchanged: 2,
      changed: 0,
      added: 0,
      removed: 0,
    });

    const diff = buildLineDiff(differ.lines('سلام\nHello world\n', 'سلام\nHello brave world\nپایان\n'), (a, b) =>
      differ.words(a, b),
    );
    expect(diff.lines.map((line) => line.type)).toEqual(['unchanged', 'changed', 'added']);
  });
});
