import { describe, expect, it } from 'vitest';
import { draftMarks } from './draft-marks';

const DRAFT = 'برای خرید Ava 5 با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید، call us today.';
const PHONE = DRAFT.indexOf('۰۹۱۲');
const AVA = DRAFT.indexOf('Ava 5');

describe('draftMarks', () => {
  it('cuts the draft at the findings and issues without moving a character', () => {
    const pieces = draftMarks(DRAFT, [{ type: 'IR_PHONE', start: PHONE, end: PHONE + 13 }], [{ rule: 'glossary-preferred', start: AVA, end: AVA + 5 }]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(DRAFT);
    expect(pieces.filter((piece) => piece.pii)).toEqual([{ text: '۰۹۱۲ ۳۴۵ ۶۷۸۹', pii: 'IR_PHONE' }]);
    expect(pieces.filter((piece) => piece.style)).toEqual([{ text: 'Ava 5', style: 'glossary-preferred' }]);
  });

  it('marks a piece covered by both, and skips ranges outside the text or empty', () => {
    const pieces = draftMarks(
      DRAFT,
      [
        { type: 'IR_PHONE', start: PHONE, end: PHONE + 13 },
        { type: 'EMAIL', start: 5, end: 500 },
      ],
      [
        { rule: 'mixed-digits', start: PHONE, end: PHONE + 4 },
        { rule: 'double-space', start: 3, end: 3 },
      ],
    );
    expect(pieces.map((piece) => piece.text).join('')).toBe(DRAFT);
    expect(pieces.filter((piece) => piece.pii || piece.style)).toEqual([
      { text: '۰۹۱۲', pii: 'IR_PHONE', style: 'mixed-digits' },
      { text: ' ۳۴۵ ۶۷۸۹', pii: 'IR_PHONE' },
    ]);
  });
});
