import { detectPii } from './pii-detector';
import type { PiiType } from './pii-finding';

/** [type, the finding's text] for every finding, in order. */
const found = (text: string): [PiiType, string][] =>
  detectPii(text).findings.map((finding) => [finding.type, text.slice(finding.start, finding.end)]);

const VALID_NATIONAL_ID = '0079425194';
const MELLI_CARD = '6037991234567891'.slice(0, 15);

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
const IRANIAN_CARD = luhnComplete(MELLI_CARD);
const SHEBA = 'IR820540102680020817909002';

describe('detectPii', () => {
  it('finds in a 200 KB text exactly what it finds in each of its pieces, offsets shifted', () => {
    const piece = 'تماس با ۰۹۱۲۳۴۵۶۷۸۹ یا ali.rezaei@example.com، کد ملی ۰۰۸۴۵۷۵۹۴۸ و 192.168.1.20. ';
    const one = detectPii(piece).findings;
    const copies = Math.ceil(200_000 / piece.length);
    const whole = detectPii(piece.repeat(copies)).findings;
    expect(one.length).toBeGreaterThanOrEqual(3);
    expect(whole).toEqual(
      Array.from({ length: copies }, (_, i) =>
        one.map((finding) => ({
          ...finding,
          start: finding.start + i * piece.length,
          end: finding.end + i * piece.length,
        })),
      ).flat(),
    );
  });

  it('answers an empty scan for text without personal data', () => {
    expect(detectPii('یک متن ساده بدون هیچ داده شخصی.')).toEqual({ found: false, findings: [] });
    expect(detectPii('')).toEqual({ found: false, findings: [] });
  });

  describe('IR_PHONE (mobiles)', () => {
    it.each([
      ['09121234567', '09121234567'],
      ['+989121234567', '+989121234567'],
      ['00989121234567', '00989121234567'],
      ['+98 912 123 4567', '+98 912 123 4567'],
      ['0912-123-4567', '0912-123-4567'],
      ['(0912) 123 4567', '(0912) 123 4567'],
    ])('finds %s in Latin digits', (written, value) => {
      expect(found(`شماره من ${written} است`)).toEqual([['IR_PHONE', value]]);
    });

    it('finds a mobile in Persian digits with spaces, and in Arabic-Indic digits', () => {
      expect(found('تماس: ۰۹۱۲ ۳۴۵ ۶۷۸۹')).toEqual([['IR_PHONE', '۰۹۱۲ ۳۴۵ ۶۷۸۹']]);
      expect(found('تماس: ٠٩١٢٣٤٥٦٧٨٩')).toEqual([['IR_PHONE', '٠٩١٢٣٤٥٦٧٨٩']]);
      expect(found('تماس: ۰۹۱2۳۴5۶۷۸۹')).toEqual([['IR_PHONE', '۰۹۱2۳۴5۶۷۸۹']]);
    });

    it('finds a bare ten-digit mobile only after words that say it is a phone', () => {
      expect(found('موبایل: 9121234567')).toEqual([['IR_PHONE', '9121234567']]);
      expect(found('عدد 9121234567 را ببینید')).toEqual([]);
    });

    it.each([
      ['Persian', '۰۹۱۸ ۲۳۴ ۵۶ ۷۸'],
      ['Latin', '0936 112 45 90'],
      ['Arabic-Indic', '٠٩١٢ ٤٥٦ ٧٨ ٩٠'],
      ['dashed', '۰۹۱۲-۵۴۸-۷۹-۲۶'],
      ['international', '+98 912 345 67 89'],
    ])('finds a mobile in 4-3-2-2 groups (%s digits)', (_, number) => {
      expect(found(`همراه: ${number}، ساعت ۹ تا ۱۷`)).toEqual([['IR_PHONE', number]]);
    });

    it.each(['0912 1234 567', '0912.345.6789', '+98 (912) 345 6789', '+98 (0)912 345 6789', '0098 912 345 6789'])(
      'finds the grouping %s',
      (number) => {
        expect(found(`Call ${number} now`)).toEqual([['IR_PHONE', number]]);
      },
    );

    it('finds a bare 9xxxxxxxxx right after «به شماره», in any digit script, but not an account or order number', () => {
      expect(found('کد تأیید به شماره 9123456789 پیامک شد')).toEqual([['IR_PHONE', '9123456789']]);
      expect(found('رسید را به شماره ۹۳۵۱۲۳۴۵۶۷ بفرستید')).toEqual([['IR_PHONE', '۹۳۵۱۲۳۴۵۶۷']]);
      expect(found('my number is 9203163375')).toEqual([['IR_PHONE', '9203163375']]);
      expect(found('مبلغ به شماره حساب 9123456789 واریز شد')).toEqual([]);
      expect(found('به شماره سفارش 9123456789 مراجعه کنید')).toEqual([]);
    });

    it('does not take a bare 912… after another country code for an Iranian mobile', () => {
      expect(found('call +1 912 345 6789 in Savannah')).toEqual([]);
    });

    it('finds 98 and the number without + or 00, as in wa.me links, unless a reference label stands before it', () => {
      expect(found('my number is 989203163375')).toEqual([['IR_PHONE', '989203163375']]);
      expect(found('https://wa.me/989121234567')).toEqual([['IR_PHONE', '989121234567']]);
      expect(found('RRN: 989121234567')).toEqual([]);
    });

    it('keeps the parentheses around a whole number out of its span', () => {
      expect(found('به مهسا (۰۹۳۷۶۷۵۹۲۸۸) خبر دهید')).toEqual([['IR_PHONE', '۰۹۳۷۶۷۵۹۲۸۸']]);
    });

    it('does not take part of a longer digit run, a masked number or a tracking code', () => {
      expect(found('کد 1209121234567')).toEqual([]);
      expect(found('0912***4567')).toEqual([]);
      expect(found('TRK09121234567')).toEqual([]);
    });
  });

  describe('IR_LANDLINE', () => {
    it.each(['021-88776655', '(021) 8877 6655', '+98 21 8877 6655', '02188776655', '۰۳۱-۳۲۲۱۴۴۵۵'])(
      'finds %s',
      (number) => {
        expect(found(`تلفن دفتر ${number}`)).toEqual([['IR_LANDLINE', number]]);
      },
    );
  });

  describe('IR_LANDLINE groupings and area codes', () => {
    it.each(['021 88 77 66 55', '0098 21 88776655', '+982188776655', '۰۸۳ ۲۴۹۷ ۸۰۲۸'])('finds %s', (number) => {
      expect(found(`دفتر: ${number}`)).toEqual([['IR_LANDLINE', number]]);
    });

    it('ignores eleven digits whose area code is no province’s', () => {
      expect(found('کد 01912345678')).toEqual([]);
    });
  });

  describe('IR_NATIONAL_ID', () => {
    it('finds a checksum-valid ID in Latin, Persian and Arabic-Indic digits, and in the 3-6-1 form', () => {
      expect(found(`کد ملی ${VALID_NATIONAL_ID}`)).toEqual([['IR_NATIONAL_ID', VALID_NATIONAL_ID]]);
      expect(found('کد ملی ۰۰۷۹۴۲۵۱۹۴')).toEqual([['IR_NATIONAL_ID', '۰۰۷۹۴۲۵۱۹۴']]);
      expect(found('کد ملی ٠٠٧٩٤٢٥١٩٤')).toEqual([['IR_NATIONAL_ID', '٠٠٧٩٤٢٥١٩٤']]);
      expect(found('کد ملی 007-942519-4')).toEqual([['IR_NATIONAL_ID', '007-942519-4']]);
    });

    it('ignores ten digits that fail the check digit, or repeat one digit', () => {
      expect(found('کد ملی 0079425193')).toEqual([]);
      expect(found('کد ملی 1111111111')).toEqual([]);
    });

    it('counts a label only on the number’s own line: a table header two lines up does not veto it', () => {
      const table = `| Name | National ID | Mobile |\n|---|---|---|\n| Ali | ${VALID_NATIONAL_ID} | 09121234567 |`;
      expect(found(table)).toEqual([
        ['IR_NATIONAL_ID', VALID_NATIONAL_ID],
        ['IR_PHONE', '09121234567'],
      ]);
      expect(found(`شماره حساب: ${VALID_NATIONAL_ID}`)).toEqual([]);
    });

    it('ignores checksum-valid order, tracking and invoice numbers and prices', () => {
      expect(found(`شماره سفارش: ${VALID_NATIONAL_ID}`)).toEqual([]);
      expect(found(`کد رهگیری ${VALID_NATIONAL_ID}`)).toEqual([]);
      expect(found(`Order #${VALID_NATIONAL_ID}`)).toEqual([]);
      expect(found(`مبلغ ${VALID_NATIONAL_ID} ریال`)).toEqual([]);
    });
  });

  describe('IR_POSTAL_CODE', () => {
    it('finds ten digits as a postal code only where the text says so, however کد پستی is written', () => {
      expect(found('کد پستی ۱۵۹۸۷۶۵۴۳۲')).toEqual([['IR_POSTAL_CODE', '۱۵۹۸۷۶۵۴۳۲']]);
      expect(found('كدپستي: 15987-65432')).toEqual([['IR_POSTAL_CODE', '15987-65432']]);
      expect(found('کد‌پستی 1598765432')).toEqual([['IR_POSTAL_CODE', '1598765432']]);
      expect(found('Postal code: 1598765432')).toEqual([['IR_POSTAL_CODE', '1598765432']]);
      expect(found('عدد 1598765432')).toEqual([]);
    });

    it('prefers the postal context over the national-ID check digit', () => {
      expect(found(`کد پستی ${VALID_NATIONAL_ID}`)).toEqual([['IR_POSTAL_CODE', VALID_NATIONAL_ID]]);
    });

    it('reads the postal word up to 60 characters back, across a chat turn', () => {
      const chat = 'agent: لطفاً کد پستی محل سکونت ایشان را هم بفرستید.\nuser: 5835915788';
      expect(found(chat)).toEqual([['IR_POSTAL_CODE', '5835915788']]);
    });

    it('lets the nearest word decide between a national ID and a postal code', () => {
      expect(found(`کد ملی ${VALID_NATIONAL_ID} کدپستی 6554967319`)).toEqual([
        ['IR_NATIONAL_ID', VALID_NATIONAL_ID],
        ['IR_POSTAL_CODE', '6554967319'],
      ]);
    });
  });

  describe('IBAN_IR (Sheba)', () => {
    it('finds a mod-97-valid Sheba, grouped or not, in any digit script', () => {
      expect(found(`شبا ${SHEBA}`)).toEqual([['IBAN_IR', SHEBA]]);
      expect(found('IR82 0540 1026 8002 0817 9090 02')).toEqual([['IBAN_IR', 'IR82 0540 1026 8002 0817 9090 02']]);
      expect(found('ir820540102680020817909002')).toEqual([['IBAN_IR', 'ir820540102680020817909002']]);
      expect(found('شبا: IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲')).toEqual([['IBAN_IR', 'IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲']]);
    });

    it('finds the 24 digits without IR after the word شبا', () => {
      expect(found('شماره شبا: 820540102680020817909002')).toEqual([['IBAN_IR', '820540102680020817909002']]);
      expect(found('عدد 820540102680020817909002')).toEqual([]);
    });

    it('ignores a Sheba whose check digits do not fit', () => {
      expect(found('IR820540102680020817909003')).toEqual([]);
    });
  });

  describe('CARD_NUMBER and CREDIT_CARD', () => {
    it('finds a Luhn-valid Iranian card as CARD_NUMBER, grouped with spaces or dashes, in Persian digits', () => {
      const grouped = IRANIAN_CARD.replace(/(\d{4})(?=\d)/g, '$1-');
      expect(found(`کارت ${IRANIAN_CARD}`)).toEqual([['CARD_NUMBER', IRANIAN_CARD]]);
      expect(found(`کارت ${grouped}`)).toEqual([['CARD_NUMBER', grouped]]);
      const persian = IRANIAN_CARD.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
      expect(found(`کارت ${persian}`)).toEqual([['CARD_NUMBER', persian]]);
    });

    it('finds international cards as CREDIT_CARD', () => {
      expect(found('Visa 4111 1111 1111 1111')).toEqual([['CREDIT_CARD', '4111 1111 1111 1111']]);
      expect(found('MC 5555555555554444')).toEqual([['CREDIT_CARD', '5555555555554444']]);
      expect(found('Amex 3782 822463 10005')).toEqual([['CREDIT_CARD', '3782 822463 10005']]);
    });

    it('needs the word card for the networks whose shapes other numbers share (Diners, JCB, UnionPay…)', () => {
      expect(found('خرید سرشماره ۱۴ رقمی (مانند ۳۰۰۰۱۲۳۴۵۶۷۸۹۱)')).toEqual([]);
      expect(found('JCB card 3530 1113 3330 0000')).toEqual([['CREDIT_CARD', '3530 1113 3330 0000']]);
    });

    it('does not take a Visa-shaped number labelled as something else right before it', () => {
      expect(found('Transaction ID: 4111111111111111')).toEqual([]);
      expect(found('کارت ثبت‌شده در سفارش آزمایشی ما 4111 1111 1111 1111 بود')).toEqual([
        ['CREDIT_CARD', '4111 1111 1111 1111'],
      ]);
    });

    it('ignores numbers failing Luhn, masked cards, and Luhn-valid numbers of no card network', () => {
      expect(found('کارت 4111 1111 1111 1112')).toEqual([]);
      expect(found('کارت 6037-99**-****-1234')).toEqual([]);
      expect(found('شناسه 1234567890123452')).toEqual([]);
    });
  });

  describe('EMAIL', () => {
    it('finds addresses inside Persian text, with plus tags and subdomains', () => {
      expect(found('ایمیل: ali.rezaei+news@mail.example.co.ir لطفاً')).toEqual([
        ['EMAIL', 'ali.rezaei+news@mail.example.co.ir'],
      ]);
    });

    it('ignores masked addresses', () => {
      expect(found('ایمیل ***@example.com')).toEqual([]);
    });

    it('ignores file names with a density suffix or a file extension, and hosts on a local network', () => {
      expect(found('تصاویر hero@3x.webp و icon@2x.png و logo@1.5x.svg')).toEqual([]);
      expect(found('see sprite@dark.png or admin@nas.local')).toEqual([]);
      expect(found('npm i @nestjs/core@11.0.1')).toEqual([]);
    });
  });

  describe('IP_ADDRESS', () => {
    it('finds IPv4 and IPv6 (full, compressed, IPv4-mapped), also in Persian digits', () => {
      expect(found('از 192.168.1.20 وارد شد')).toEqual([['IP_ADDRESS', '192.168.1.20']]);
      expect(found('از ۱۹۲.۱۶۸.۱.۲۰ وارد شد')).toEqual([['IP_ADDRESS', '۱۹۲.۱۶۸.۱.۲۰']]);
      expect(found('addr 2001:db8::8a2e:370:7334 and ::1')).toEqual([
        ['IP_ADDRESS', '2001:db8::8a2e:370:7334'],
        ['IP_ADDRESS', '::1'],
      ]);
      expect(found('mapped ::ffff:192.0.2.128.')).toEqual([['IP_ADDRESS', '::ffff:192.0.2.128']]);
    });

    it.each([
      ['after «بند»', 'مطابق بند ۳.۴.۱.۲ آیین‌نامه'],
      ['after Release', 'Release 4.1.0.15 (2024-10-06)'],
      ['printed by node -v', '$ node -v\n9.12.0.7'],
      ['after firmware', 'Controller firmware: 2.0.4.11'],
      ['after Section', 'Section 3.4.1.2 of the Terms'],
      ['a few Persian words after «نسخه»', 'نسخه آنتی‌ویروس نیز به ۲۲.۱.۴.۱۵ ارتقا یافت'],
      ['an image tag', 'docker pull contexor/api:3.4.1.2'],
      ['a product token', 'ua="Mozilla/5.0 Chrome/120.0.0.0"'],
      ['followed by «یا بالاتر»', 'کلاینت ۵.۲.۰.۱۸ یا بالاتر'],
      ['a list of versions', 'supported versions 3.4.1.2 and 3.4.1.3'],
      ['an amount', 'قیمت 1.200.200.200 تومان'],
    ])('takes no dotted quad as an address %s', (_, text) => {
      expect(found(text)).toEqual([]);
    });

    it('still finds an address after a version word when words about addresses, or other numbers, are nearer', () => {
      expect(found('نسخه ۲.۱ اپلیکیشن: ورود ناموفق از ۵.۶.۷.۸')).toEqual([['IP_ADDRESS', '۵.۶.۷.۸']]);
      expect(found('Release notes were sent from server 10.0.0.1')).toEqual([['IP_ADDRESS', '10.0.0.1']]);
      expect(found('The release was deployed to 10.0.0.1 yesterday')).toEqual([['IP_ADDRESS', '10.0.0.1']]);
      expect(found('ssh root@10.0.0.1')).toEqual([['IP_ADDRESS', '10.0.0.1']]);
    });

    it('ignores version strings, out-of-range octets, times and MAC addresses', () => {
      expect(found('version 1.2.3.4, v1.2.3.4, نسخه 4.2.0.1, build 10.0.19045')).toEqual([]);
      expect(found('IP 256.1.1.1')).toEqual([]);
      expect(found('ساعت 12:30:45')).toEqual([]);
      expect(found('MAC 00:1A:2B:3C:4D:5E')).toEqual([]);
      expect(found('std::vector and a::b')).toEqual([]);
    });
  });

  describe('hard negatives', () => {
    it.each([
      ['a Jalali date', 'تاریخ ۱۴۰۳/۰۸/۱۵'],
      ['a price with Persian separators', 'قیمت ۱۲۰٬۰۰۰٬۰۰۰ ریال'],
      ['a price with commas', 'Only 1,200,000,000 toman'],
      ['an ISBN', 'ISBN 978-0-306-40615-7 و شابک ۹۷۸-۶۰۰-۱۲۳-۴۵۶-۷'],
      ['a decimal', 'نسبت 0.9121234567 است'],
      ['a time', 'ساعت ۰۸:۳۰'],
    ])('flags nothing in %s', (_, text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('offsets', () => {
    it('gives UTF-16 offsets into the text as written, after emoji and right-to-left text', () => {
      const text = '👋🏽 سلام! شماره‌ام ۰۹۱۲۱۲۳۴۵۶۷ و ایمیلم a@b.io است.';
      const { findings } = detectPii(text);

      expect(findings.map((finding) => text.slice(finding.start, finding.end))).toEqual(['۰۹۱۲۱۲۳۴۵۶۷', 'a@b.io']);
      expect(findings[0]).toEqual({ type: 'IR_PHONE', start: text.indexOf('۰۹۱۲'), end: text.indexOf('۰۹۱۲') + 11 });
    });

    it('lists findings in text order without overlaps', () => {
      const text = `کارت ${IRANIAN_CARD} و کد ملی ${VALID_NATIONAL_ID} و 09121234567`;
      const { findings } = detectPii(text);

      expect(findings.map((finding) => finding.type)).toEqual(['CARD_NUMBER', 'IR_NATIONAL_ID', 'IR_PHONE']);
      for (let i = 1; i < findings.length; i++) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
    });
  });
});
