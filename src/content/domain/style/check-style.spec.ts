import { applyStyleIssues, checkStyle } from './check-style';
import type { GlossaryEntry } from './glossary';
import { MAX_STYLE_ISSUES, type StyleIssue } from './style-issue';

const ZWNJ = '\u200c';

/** Each issue as the text it covers, for readable expectations; offsets are checked by `at`. */
const covered = (text: string, issues: StyleIssue[]) =>
  issues.map(({ rule, start, end, suggestion }) => ({ rule, text: text.slice(start, end), suggestion }));

/** The offsets of the `nth` occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`«${part}» not in the text`);
  return { start, end: start + part.length };
}

/** A Persian text written by the rules: nouns that begin with می, words that end in ها and تر, numbers. */
const CLEAN_PERSIAN =
  'شرکت ما در سال ۱۴۰۲ بیش از ۲٬۵۰۰ مشتری تازه پیدا کرد. دفتر مرکزی در میدان ونک است و میز هر کارمند ' +
  'کنار پنجره‌ای رو به باغ میوه قرار دارد. مدیران می‌گویند که تنها راه رشد، شنیدن صدای مشتری‌هاست؛ به همین ' +
  'دلیل گزارش‌ها هر هفته بررسی می‌شوند و بهترین پیشنهادها در انتهای ماه اجرا می‌شود. بهای اشتراک ماهانه ' +
  '۱۲۰٬۰۰۰ تومان است و کاربران نمی‌خواهند این بها بیشتر شود. دختر مدیرعامل، که مدتی در بستر بیماری بود، ' +
  'حالا حالش بهتر است و میراث خانوادگی را با میلیون‌ها نفر به اشتراک گذاشته است. آیا محصول جدید از نسخهٔ ' +
  'قبلی بزرگ‌تر و سریع‌تر است؟ پاسخ را در میان یادداشت‌های کبوتر نامه‌بر پیدا خواهید کرد.\n\n' +
  'میزبان جلسه گفت: «کمترین هزینه همیشه بهترین انتخاب نیست.» او در دفترچه‌اش نوشت که میزان فروش ۱۲٪ بیشتر شده است.';

/** English with the marks Persian rules must not touch: commas in numbers, questions, semicolons, URLs. */
const CLEAN_ENGLISH =
  'Our team shipped 1,250 releases last year; most were small, some were not. Why does that matter?  ' +
  'Because each release is reviewed, e.g. by two editors, before it goes out.  See https://example.com/docs?page=2&lang=en ' +
  'for the details, or read the changelog (version 3.1.4, released 2026-03-01).\nQuestions? Write to us.';

describe('checkStyle', () => {
  it('finds nothing in a clean Persian text', () => {
    expect(covered(CLEAN_PERSIAN, checkStyle(CLEAN_PERSIAN).issues)).toEqual([]);
  });

  it('finds nothing in an English text', () => {
    expect(checkStyle(CLEAN_ENGLISH).issues).toEqual([]);
  });

  it('finds nothing in an empty text', () => {
    expect(checkStyle('').issues).toEqual([]);
  });

  describe('zwnj-mi', () => {
    it('joins a separate «می» / «نمی» to its verb', () => {
      const text = 'این کار انجام می شود ولی ما نمی دانیم چرا.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-mi', ...at(text, 'می شود'), suggestion: `می${ZWNJ}شود` },
        { rule: 'zwnj-mi', ...at(text, 'نمی دانیم'), suggestion: `نمی${ZWNJ}دانیم` },
      ]);
    });

    it('separates a glued «می» from a known verb stem, present or past', () => {
      const text = 'او میخواهد برود، دیروز میرفت و هنوز نمیداند.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-mi', ...at(text, 'میخواهد'), suggestion: `می${ZWNJ}خواهد` },
        { rule: 'zwnj-mi', ...at(text, 'میرفت'), suggestion: `می${ZWNJ}رفت` },
        { rule: 'zwnj-mi', ...at(text, 'نمیداند'), suggestion: `نمی${ZWNJ}داند` },
      ]);
    });

    it('accepts the impersonal «می توان»', () => {
      const text = 'می توان گفت که میتوان.';
      expect(covered(text, checkStyle(text).issues)).toEqual([
        { rule: 'zwnj-mi', text: 'می توان', suggestion: `می${ZWNJ}توان` },
        { rule: 'zwnj-mi', text: 'میتوان', suggestion: `می${ZWNJ}توان` },
      ]);
    });

    it('leaves nouns that begin with می alone', () => {
      const text = 'میز، میوه، میلیون، میان، میراث، میدان، میزان، میگو، میهن، میمون، میزبان و میلاد';
      expect(checkStyle(text).issues).toEqual([]);
    });

    it('leaves «می» followed by a word that is not a verb alone', () => {
      expect(checkStyle('جام می ناب').issues).toEqual([]);
    });
  });

  describe('zwnj-ha', () => {
    it('joins a separate plural suffix to its word', () => {
      const text = 'کتاب ها و دفتر های ما و نامه هایشان';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-ha', ...at(text, 'کتاب ها'), suggestion: `کتاب${ZWNJ}ها` },
        { rule: 'zwnj-ha', ...at(text, 'دفتر های'), suggestion: `دفتر${ZWNJ}های` },
        { rule: 'zwnj-ha', ...at(text, 'نامه هایشان'), suggestion: `نامه${ZWNJ}هایشان` },
      ]);
    });

    it('separates a glued plural after a joining letter, «آنها» included', () => {
      const text = 'کتابها، خانههای قدیمی و آنها';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-ha', ...at(text, 'کتابها'), suggestion: `کتاب${ZWNJ}ها` },
        { rule: 'zwnj-ha', ...at(text, 'خانههای'), suggestion: `خانه${ZWNJ}های` },
        { rule: 'zwnj-ha', ...at(text, 'آنها'), suggestion: `آن${ZWNJ}ها` },
      ]);
    });

    it('leaves words that only end in ها alone', () => {
      const text = 'تنها، تنهایی، بها، بهای کالا، رها، رهایی، انتهای راه، اشتها، گرانبها، اژدها، دردها، هاشمی';
      expect(checkStyle(text).issues).toEqual([]);
    });

    it('leaves the interjection «ها!» alone', () => {
      expect(checkStyle('مواظب باش ها!').issues).toEqual([]);
    });
  });

  describe('zwnj-tar', () => {
    it('joins a separate «تر» / «ترین» after an adjective, and «بیش تر» as «بیشتر»', () => {
      const text = 'خانه بزرگ تر است، مهم ترین کار این است و بیش تر وقت داریم.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-tar', ...at(text, 'بزرگ تر'), suggestion: `بزرگ${ZWNJ}تر` },
        { rule: 'zwnj-tar', ...at(text, 'مهم ترین'), suggestion: `مهم${ZWNJ}ترین` },
        { rule: 'zwnj-tar', ...at(text, 'بیش تر'), suggestion: 'بیشتر' },
      ]);
    });

    it('separates a glued «تر» / «ترین» after a known adjective', () => {
      const text = 'بزرگترین شهر، سادهتر و قدرتمندتر';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'zwnj-tar', ...at(text, 'بزرگترین'), suggestion: `بزرگ${ZWNJ}ترین` },
        { rule: 'zwnj-tar', ...at(text, 'سادهتر'), suggestion: `ساده${ZWNJ}تر` },
        { rule: 'zwnj-tar', ...at(text, 'قدرتمندتر'), suggestion: `قدرتمند${ZWNJ}تر` },
      ]);
    });

    it('leaves nouns ending in تر, «تر» meaning wet, and the joined exceptions alone', () => {
      const text = 'دختر، دفتر، بستر، کبوتر، انگشتر، چتر، کتری، لباس تر، بهتر، بیشتر، کمترین و بهترین';
      expect(checkStyle(text).issues).toEqual([]);
    });
  });

  describe('arabic-letters', () => {
    it('names each word with ي, ى or ك and suggests it with ی and ک', () => {
      const text = 'كتاب علي را به مصطفى دادم.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'arabic-letters', ...at(text, 'كتاب'), suggestion: 'کتاب' },
        { rule: 'arabic-letters', ...at(text, 'علي'), suggestion: 'علی' },
        { rule: 'arabic-letters', ...at(text, 'مصطفى'), suggestion: 'مصطفی' },
      ]);
    });

    it('lets a zero-width non-joiner rule fix the letters of its own span', () => {
      const text = 'اين كار مي شود';
      expect(covered(text, checkStyle(text).issues)).toEqual([
        { rule: 'arabic-letters', text: 'اين', suggestion: 'این' },
        { rule: 'arabic-letters', text: 'كار', suggestion: 'کار' },
        { rule: 'zwnj-mi', text: 'مي شود', suggestion: `می${ZWNJ}شود` },
      ]);
    });
  });

  describe('latin-punctuation', () => {
    it('replaces , ; ? between Persian words and at the end of a Persian sentence', () => {
      const text = 'سلام, خوبی; امروز کجا بودی?\nدر سال ۱۴۰۲, شرکت رشد کرد.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'latin-punctuation', start: text.indexOf(','), end: text.indexOf(',') + 1, suggestion: '،' },
        { rule: 'latin-punctuation', start: text.indexOf(';'), end: text.indexOf(';') + 1, suggestion: '؛' },
        { rule: 'latin-punctuation', start: text.indexOf('?'), end: text.indexOf('?') + 1, suggestion: '؟' },
        { rule: 'latin-punctuation', start: text.lastIndexOf(','), end: text.lastIndexOf(',') + 1, suggestion: '،' },
      ]);
    });

    it('leaves numbers, Latin runs and addresses in a Persian text alone', () => {
      const text = 'قیمت 1,000 دلار و ۱,۰۰۰ تومان است؛ از Node.js, React و https://example.com/?q=1 استفاده کنید.';
      expect(checkStyle(text).issues).toEqual([]);
    });
  });

  describe('mixed-digits', () => {
    it('writes a number of mixed scripts in Persian digits in a Persian text', () => {
      const text = 'کد سفارش ۱۲3۴ و مبلغ ۲۵,5۰۰ است.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'mixed-digits', ...at(text, '۱۲3۴'), suggestion: '۱۲۳۴' },
        { rule: 'mixed-digits', ...at(text, '۲۵,5۰۰'), suggestion: '۲۵,۵۰۰' },
      ]);
    });

    it('writes it in Latin digits in an English text, Arabic-Indic digits included', () => {
      const text = 'Order 12۳4 and ٤5 shipped.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'mixed-digits', ...at(text, '12۳4'), suggestion: '1234' },
        { rule: 'mixed-digits', ...at(text, '٤5'), suggestion: '45' },
      ]);
    });
  });

  describe('double-space', () => {
    it('makes two or more spaces beside a Persian word one', () => {
      const text = 'این  متن   کوتاه است.';
      expect(checkStyle(text).issues).toEqual([
        { rule: 'double-space', start: 3, end: 5, suggestion: ' ' },
        { rule: 'double-space', start: 8, end: 11, suggestion: ' ' },
      ]);
    });

    it('leaves indentation, line ends and Latin double spaces alone', () => {
      const text = '  این متن  \nاست. End.  Next';
      expect(checkStyle(text).issues).toEqual([]);
    });
  });

  it('finds every rule in one mixed text, apart and in order, and applying them leaves none', () => {
    const text = 'ما از React استفاده میکنیم, اما کتاب ها  بزرگتر از آن شدند که علي گفت; سال ۱۴۰3.';
    const { issues } = checkStyle(text);
    expect(covered(text, issues).map((issue) => issue.rule)).toEqual([
      'zwnj-mi',
      'latin-punctuation',
      'zwnj-ha',
      'double-space',
      'zwnj-tar',
      'arabic-letters',
      'latin-punctuation',
      'mixed-digits',
    ]);
    const fixed = applyStyleIssues(text, issues);
    expect(fixed).toBe(
      `ما از React استفاده می${ZWNJ}کنیم، اما کتاب${ZWNJ}ها بزرگ${ZWNJ}تر از آن شدند که علی گفت؛ سال ۱۴۰۳.`,
    );
    expect(checkStyle(fixed).issues).toEqual([]);
  });

  describe('glossary', () => {
    const glossary: GlossaryEntry[] = [
      { term: 'ایمیل', preferred: 'رایانامه', forbidden: false },
      { term: 'اپلیکیشن', preferred: 'برنامه', forbidden: true },
      { term: 'رقیب‌نما', preferred: null, forbidden: true },
      { term: 'javascript', preferred: 'JavaScript', forbidden: false },
      { term: 'آنها', preferred: null, forbidden: false },
    ];

    it('suggests the preferred term for a forbidden one and for a preferred spelling, however it is typed', () => {
      const text = 'این اپلیکیشن به ايميل و Javascript نیاز دارد اما JavaScript درست است.';
      expect(checkStyle(text, glossary).issues).toEqual([
        { rule: 'glossary-forbidden', ...at(text, 'اپلیکیشن'), suggestion: 'برنامه' },
        { rule: 'glossary-preferred', ...at(text, 'ايميل'), suggestion: 'رایانامه' },
        { rule: 'glossary-preferred', ...at(text, 'Javascript'), suggestion: 'JavaScript' },
      ]);
    });

    it('removes a forbidden term without a replacement with one space beside it', () => {
      const text = 'محصول رقیب نما را نخرید';
      const { issues } = checkStyle(text, glossary);
      expect(issues).toEqual([{ rule: 'glossary-forbidden', ...at(text, 'رقیب نما '), suggestion: '' }]);
      expect(applyStyleIssues(text, issues)).toBe('محصول را نخرید');
    });

    it('matches whole words only, and keeps built-in rules off an accepted term', () => {
      const text = 'ایمیلها و آنها';
      expect(checkStyle(text, glossary).issues).toEqual([
        { rule: 'zwnj-ha', ...at(text, 'ایمیلها'), suggestion: `ایمیل${ZWNJ}ها` },
      ]);
    });

    it('matches the longest term first where two begin at one word', () => {
      const long: GlossaryEntry[] = [
        { term: 'هوش', preferred: 'خرد', forbidden: false },
        { term: 'هوش مصنوعی', preferred: 'AI', forbidden: true },
      ];
      const text = 'هوش مصنوعی و هوش';
      expect(covered(text, checkStyle(text, long).issues)).toEqual([
        { rule: 'glossary-forbidden', text: 'هوش مصنوعی', suggestion: 'AI' },
        { rule: 'glossary-preferred', text: 'هوش', suggestion: 'خرد' },
      ]);
    });
  });

  it(`reports at most ${MAX_STYLE_ISSUES} issues, the first ones`, () => {
    const text = 'كتاب '.repeat(MAX_STYLE_ISSUES + 10);
    const { issues } = checkStyle(text);
    expect(issues).toHaveLength(MAX_STYLE_ISSUES);
    expect(issues[0]).toEqual({ rule: 'arabic-letters', start: 0, end: 4, suggestion: 'کتاب' });
  });

  it('checks a 200 000-character body in linear time', () => {
    const paragraph = `${CLEAN_PERSIAN}\n${CLEAN_ENGLISH}\n`;
    const body = paragraph.repeat(Math.ceil(200_000 / paragraph.length)).slice(0, 200_000);
    const started = performance.now();
    checkStyle(body);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
