import { detectPii } from './pii-detector';
import { PII_TYPES, type PiiFinding, type PiiType } from './pii-finding';
import { maskLanguageOf, PII_MASKS, redact, redactPii } from './pii-redaction';

const NATIONAL_ID = '0079425194';
const SHEBA = 'IR820540102680020817909002';

function luhnComplete(withoutCheck: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = `${withoutCheck}${check}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let digit = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}
const IRANIAN_CARD = luhnComplete('603799123456789');

/** For each type: a value, a Persian sentence and an English one that hold it. */
const EXAMPLES: Record<PiiType, { value: string; fa: string; en: string }> = {
  IR_NATIONAL_ID: { value: NATIONAL_ID, fa: 'کد ملی من {} است.', en: 'My national id is {}.' },
  IR_PHONE: { value: '۰۹۱۲ ۳۴۵ ۶۷۸۹', fa: 'با شماره {} تماس بگیرید.', en: 'Call me on {} today.' },
  IR_LANDLINE: { value: '021-88776655', fa: 'تلفن دفتر {} است.', en: 'Office phone: {} (mornings).' },
  EMAIL: { value: 'sara@example.com', fa: 'ایمیل من {} است.', en: 'Write to {} please.' },
  IBAN_IR: { value: SHEBA, fa: 'شبا {} به نام من', en: 'Pay to IBAN {} by Friday.' },
  CARD_NUMBER: { value: IRANIAN_CARD, fa: 'شماره کارت {} را بفرستید', en: 'My bank card {} is new.' },
  CREDIT_CARD: { value: '4111 1111 1111 1111', fa: 'کارت ویزا {} است', en: 'Visa {} expires soon.' },
  IR_POSTAL_CODE: { value: '۱۵۹۸۷۶۵۴۳۲', fa: 'کد پستی {} است', en: 'Postal code: {}, Tehran.' },
  IP_ADDRESS: { value: '192.168.1.20', fa: 'از {} وارد شد', en: 'Logged in from {} today.' },
};

const fill = (sentence: string, value: string) => sentence.replace('{}', value);

describe('redact', () => {
  it('has a mask for every type in both languages', () => {
    for (const type of PII_TYPES) {
      expect(PII_MASKS.fa[type]).toMatch(/^\[.+\]$/);
      expect(PII_MASKS.en[type]).toMatch(/^\[.+\]$/);
    }
    expect(PII_MASKS.fa.IR_NATIONAL_ID).toBe('[کد ملی]');
    expect(PII_MASKS.en.IR_NATIONAL_ID).toBe('[national id]');
  });

  describe.each(PII_TYPES)('%s', (type) => {
    const { value, fa, en } = EXAMPLES[type];

    it('is masked in Persian inside a Persian text, the rest unchanged', () => {
      const text = fill(fa, value);

      const redacted = redact(text);

      expect(redacted.text).toBe(fill(fa, PII_MASKS.fa[type]));
      expect(redacted.language).toBe('fa');
      expect(redacted.findings).toEqual([
        { type, start: text.indexOf(value), end: text.indexOf(value) + value.length },
      ]);
    });

    it('is masked in English inside an English text, the rest unchanged', () => {
      const text = fill(en, value);

      const redacted = redact(text);

      expect(redacted.text).toBe(fill(en, PII_MASKS.en[type]));
      expect(redacted.language).toBe('en');
      expect(redacted.findings.map((finding) => finding.type)).toEqual([type]);
    });
  });

  it('masks several findings of different types and says where each mask stands', () => {
    const text = `سلام! کد ملی ${NATIONAL_ID}، موبایل ۰۹۱۲۱۲۳۴۵۶۷ و ایمیل sara@example.com را ثبت کردم.`;

    const redacted = redact(text);

    expect(redacted.text).toBe('سلام! کد ملی [کد ملی]، موبایل [شماره همراه] و ایمیل [ایمیل] را ثبت کردم.');
    expect(redacted.masks.map((mask) => [mask.type, redacted.text.slice(mask.start, mask.end)])).toEqual([
      ['IR_NATIONAL_ID', '[کد ملی]'],
      ['IR_PHONE', '[شماره همراه]'],
      ['EMAIL', '[ایمیل]'],
    ]);
    expect(redacted.findings.map((finding) => text.slice(finding.start, finding.end))).toEqual([
      NATIONAL_ID,
      '۰۹۱۲۱۲۳۴۵۶۷',
      'sara@example.com',
    ]);
  });

  it('keeps every code unit outside the findings: putting the values back gives the text as it was', () => {
    const text = `👋🏽 سلام\r\n\tشماره‌ام ۰۹۱۲۱۲۳۴۵۶۷ است\u200f، email: a@b.io 🎉\n\nکارت ${IRANIAN_CARD}.  `;

    const redacted = redact(text);

    expect(redacted.masks).toHaveLength(redacted.findings.length);
    let restored = redacted.text;
    for (let i = redacted.masks.length - 1; i >= 0; i--) {
      const [mask, finding] = [redacted.masks[i], redacted.findings[i]];
      restored = restored.slice(0, mask.start) + text.slice(finding.start, finding.end) + restored.slice(mask.end);
    }
    expect(restored).toBe(text);
    expect(Buffer.from(redacted.text.replace(/\[[^\]]+\]/g, ''))).toEqual(
      Buffer.from(text.replace('۰۹۱۲۱۲۳۴۵۶۷', '').replace('a@b.io', '').replace(IRANIAN_CARD, '')),
    );
  });

  it('masks a finding between emoji (surrogate pairs) without breaking them', () => {
    const text = '🎉09121234567👋🏽';

    const redacted = redact(text);

    expect(redacted.text).toBe('🎉[شماره همراه]👋🏽');
    expect(redacted.masks).toEqual([{ type: 'IR_PHONE', start: 2, end: 2 + '[شماره همراه]'.length }]);
  });

  it('returns a text without findings unchanged', () => {
    const text = 'قیمت ۱۲۰٬۰۰۰٬۰۰۰ ریال تا ۱۴۰۳/۰۹/۳۰ — بدون هیچ داده شخصی 🎉';

    expect(redact(text)).toEqual({ text, findings: [], masks: [], language: 'fa' });
    expect(redact('')).toEqual({ text: '', findings: [], masks: [], language: 'fa' });
  });

  it('leaves nothing a second redaction would find: the masks hold no personal data', () => {
    const text = Object.values(EXAMPLES)
      .map(({ value, fa }) => fill(fa, value))
      .join('\n');
    const once = redact(text);

    expect(once.findings).toHaveLength(PII_TYPES.length);
    expect(detectPii(once.text)).toEqual({ found: false, findings: [] });
    expect(redact(once.text).text).toBe(once.text);
  });
});

describe('redactPii', () => {
  const id: PiiFinding = { type: 'IR_NATIONAL_ID', start: 0, end: 10 };

  it('masks findings that touch each other, one mask right after the other', () => {
    const text = `${NATIONAL_ID}sara@example.com!`;

    const redacted = redactPii(text, [id, { type: 'EMAIL', start: 10, end: 26 }], 'en');

    expect(redacted.text).toBe('[national id][email]!');
    expect(redacted.masks).toEqual([
      { type: 'IR_NATIONAL_ID', start: 0, end: 13 },
      { type: 'EMAIL', start: 13, end: 20 },
    ]);
  });

  it('takes findings in text order, whatever order they come in', () => {
    const text = `a ${NATIONAL_ID} b sara@example.com c`;
    const findings: PiiFinding[] = [
      { type: 'EMAIL', start: 15, end: 31 },
      { type: 'IR_NATIONAL_ID', start: 2, end: 12 },
    ];

    expect(redactPii(text, findings, 'en').text).toBe('a [national id] b [email] c');
  });

  it('folds a finding that overlaps an earlier one into its mask, so no part of either shows', () => {
    const text = 'x 0912123456789 y';

    const redacted = redactPii(
      text,
      [
        { type: 'IR_PHONE', start: 2, end: 13 },
        { type: 'IR_NATIONAL_ID', start: 5, end: 15 },
      ],
      'fa',
    );

    expect(redacted.text).toBe('x [شماره همراه] y');
    expect(redacted.masks).toHaveLength(1);
  });

  it('returns the very text when there are no findings', () => {
    const text = 'hello';
    expect(redactPii(text, [])).toEqual({ text, masks: [] });
  });

  it('writes the masks in the language it is given', () => {
    expect(redactPii(NATIONAL_ID, [id], 'fa').text).toBe('[کد ملی]');
    expect(redactPii(NATIONAL_ID, [id], 'en').text).toBe('[national id]');
  });
});

describe('maskLanguageOf', () => {
  it('is Persian when Persian letters are the majority, English when Latin ones are', () => {
    expect(maskLanguageOf('این متن فارسی است with a few words')).toBe('fa');
    expect(maskLanguageOf('This is an English text با دو کلمه')).toBe('en');
  });

  it('counts Arabic letters as Persian, and accented Latin letters as Latin', () => {
    expect(maskLanguageOf('هذا نص عربي')).toBe('fa');
    expect(maskLanguageOf('Ça café déjà')).toBe('en');
  });

  it('is Persian for a tie and for a text without letters', () => {
    expect(maskLanguageOf('ab پی')).toBe('fa');
    expect(maskLanguageOf('09121234567 🎉 ۱۲۳')).toBe('fa');
    expect(maskLanguageOf('')).toBe('fa');
  });

  it('does not count the letters of the findings: an email does not make a Persian text English', () => {
    const text = 'با من تماس بگیر: someone.with.a.long.name@example.com';
    const email = { type: 'EMAIL' as const, start: text.indexOf('some'), end: text.length };

    expect(maskLanguageOf(text)).toBe('en');
    expect(maskLanguageOf(text, [email])).toBe('fa');
    expect(redact(text).text).toBe('با من تماس بگیر: [ایمیل]');
  });
});
