import { buildLineDiff } from '../../domain/version-diff';
import { coarseDiff, JsDiffTextDiffer } from './jsdiff-text-differ';

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

  describe('large, very different versions', () => {
    // 16 000 lines each, every line changed: jsdiff alone took about 50 s on these.
    const big = (tag: string) =>
      Array.from({ length: 16_000 }, (_, i) => `${tag} خط ${i} ${(i * 7919) % 104_729}`).join('\n');
    const before = `عنوان مشترک\n${big('الف')}\nپایان مشترک\n`;
    const after = `عنوان مشترک\n${big('ب')}\nپایان مشترک\n`;
    const join = (parts: { kind: string; value: string }[], side: 'before' | 'after') =>
      parts
        .filter((part) => part.kind === 'equal' || part.kind === (side === 'before' ? 'removed' : 'added'))
        .map((part) => part.value)
        .join('');

    it('answers a line diff that still gives back each side, keeping the common first and last lines', () => {
      const parts = differ.lines(before, after);
      expect(join(parts, 'before')).toBe(before);
      expect(join(parts, 'after')).toBe(after);
      expect(parts[0]).toEqual({ kind: 'equal', value: 'عنوان مشترک\n' });
      expect(parts.at(-1)).toEqual({ kind: 'equal', value: 'پایان مشترک\n' });
      for (const part of parts) expect(part.value.endsWith('\n')).toBe(true);
    });

    it('answers a word diff that still gives back each side', () => {
      const parts = differ.words(before, after);
      expect(join(parts, 'before')).toBe(before);
      expect(join(parts, 'after')).toBe(after);
    });
  });

  describe('coarseDiff', () => {
    it('keeps whole lines around a change inside a line, on both sides', () => {
      expect(coarseDiff('a\nX\nc\n', 'a\nYX\nc\n', '\n')).toEqual([
        { kind: 'equal', value: 'a\n' },
        { kind: 'removed', value: 'X\n' },
        { kind: 'added', value: 'YX\n' },
        { kind: 'equal', value: 'c\n' },
      ]);
    });

    it('answers equal text as one equal part, and text to nothing as one removed part', () => {
      expect(coarseDiff('سلام\n', 'سلام\n', '\n')).toEqual([{ kind: 'equal', value: 'سلام\n' }]);
      expect(coarseDiff('سلام', '')).toEqual([{ kind: 'removed', value: 'سلام' }]);
    });
  });
});
