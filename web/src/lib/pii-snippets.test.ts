import { describe, expect, it } from 'vitest';
import { piiSnippets } from './pii-snippets';

describe('piiSnippets', () => {
  it('gives each finding with the text around it, marking where the text goes on', () => {
    const text = 'سلام. برای هماهنگی با شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید و به a@b.ir بنویسید.';
    const phone = text.indexOf('۰۹۱۲');
    const email = text.indexOf('a@b.ir');

    expect(
      piiSnippets(
        text,
        [
          { type: 'EMAIL', start: email, end: email + 6 },
          { type: 'IR_PHONE', start: phone, end: phone + 13 },
        ],
        8,
      ),
    ).toEqual([
      { type: 'IR_PHONE', before: '…ا شماره ', value: '۰۹۱۲ ۳۴۵ ۶۷۸۹', after: ' تماس بگ…' },
      { type: 'EMAIL', before: '…ید و به ', value: 'a@b.ir', after: ' بنویسید…' },
    ]);
  });

  it('keeps an emoji next to the context whole, and puts a snippet on one line', () => {
    const text = '👋🏽\nکد ملی 0079425194';
    const start = text.indexOf('0079');

    const [snippet] = piiSnippets(text, [{ type: 'IR_NATIONAL_ID', start, end: start + 10 }], 9);

    expect(snippet).toEqual({ type: 'IR_NATIONAL_ID', before: '…🏽 کد ملی ', value: '0079425194', after: '' });
  });

  it('stops the context of a finding where the next or the previous one starts', () => {
    const text = 'کد ملی 0079425194 و موبایل 09121234567';

    expect(
      piiSnippets(text, [
        { type: 'IR_NATIONAL_ID', start: 7, end: 17 },
        { type: 'IR_PHONE', start: 27, end: 38 },
      ]),
    ).toEqual([
      { type: 'IR_NATIONAL_ID', before: 'کد ملی ', value: '0079425194', after: ' و موبایل …' },
      { type: 'IR_PHONE', before: '… و موبایل ', value: '09121234567', after: '' },
    ]);
  });

  it('skips overlapping and out-of-range findings', () => {
    expect(
      piiSnippets('0912 345 6789', [
        { type: 'IR_PHONE', start: 0, end: 13 },
        { type: 'IR_LANDLINE', start: 5, end: 13 },
        { type: 'EMAIL', start: 10, end: 40 },
      ]),
    ).toEqual([{ type: 'IR_PHONE', before: '', value: '0912 345 6789', after: '' }]);
  });
});
