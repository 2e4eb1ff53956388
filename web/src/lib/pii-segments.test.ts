import { describe, expect, it } from 'vitest';
import { piiSegments } from './pii-segments';

describe('piiSegments', () => {
  it('cuts at UTF-16 offsets, exact after emoji and in right-to-left text', () => {
    const text = '👋 تماس: ۰۹۱۲۱۲۳۴۵۶۷ و a@b.io';
    const start = text.indexOf('۰۹');
    const email = text.indexOf('a@');
    expect(piiSegments(text, [{ type: 'EMAIL', start: email, end: email + 6 }, { type: 'IR_PHONE', start, end: start + 11 }])).toEqual([
      { text: '👋 تماس: ' },
      { text: '۰۹۱۲۱۲۳۴۵۶۷', pii: 'IR_PHONE' },
      { text: ' و ' },
      { text: 'a@b.io', pii: 'EMAIL' },
    ]);
  });

  it('skips overlapping and out-of-range findings instead of garbling the text', () => {
    expect(piiSegments('abcdef', [{ type: 'A', start: 1, end: 4 }, { type: 'B', start: 2, end: 5 }, { type: 'C', start: 4, end: 99 }])).toEqual([
      { text: 'a' },
      { text: 'bcd', pii: 'A' },
      { text: 'ef' },
    ]);
  });
});
