/**
 * Words that, shortly before (or after) a candidate, say what it is: a postal code, a national ID, a phone,
 * a Sheba, a card, an IP address; or a version or a section of a text, or a reference number (order,
 * tracking, invoice, account…), which are not personal data. Words are compared with Arabic ي/ك read as
 * Persian ی/ک, zero-width non-joiners as spaces, and Latin case folded, so «کد‌پستی», «كد پستي» and
 * "Postal Code" all count.
 *
 * When several such words stand before a candidate, the nearest decides: «به شماره حساب ۹۱۲…» is an account
 * number (حساب is nearer than «به شماره»), «کد ملی … کد پستی ۱۳۴…» a postal code. Two-word cues are read
 * before the one-word cue they end with («کارت ملی» before «کارت»).
 */
export type Cue = 'postal' | 'nationalId' | 'phone' | 'sheba' | 'card' | 'ip' | 'version' | 'reference';

const WORDS: Record<Cue, string[]> = {
  postal: ['کد پستی', 'کدپستی', 'ک پ', 'postal code', 'post code', 'zip code', 'postal', 'postcode', 'zipcode', 'zip'],
  nationalId: [
    'کد ملی',
    'کدملی',
    'شماره ملی',
    'کارت ملی',
    'national id',
    'national code',
    'national number',
    'nationalid',
    'nationalcode',
    'melli code',
    'code melli',
    'code meli',
    'code melish',
    'codemelli',
    'ssn',
  ],
  phone: [
    'موبایل',
    'موبایلم',
    'موبایلت',
    'موبایلش',
    'موبایلتون',
    'موبایلتان',
    'همراه',
    'همراهم',
    'همراهتان',
    'تلفن',
    'تلفنم',
    'تلفنتان',
    'تماس',
    'واتساپ',
    'واتس اپ',
    'تلگرام',
    'ایتا',
    'پیامک',
    'پیام',
    'به شماره',
    'با شماره',
    'شماره ام',
    'شماره ات',
    'شماره اش',
    'شماره من',
    'شماره شما',
    'شماره تان',
    'شماره تون',
    'شمارتون',
    'شمارم',
    'شمارت',
    'شمارش',
    'mobile',
    'mob',
    'phone',
    'phones',
    'telephone',
    'cell',
    'cellphone',
    'call',
    'tel',
    'whatsapp',
    'telegram',
    'sms',
    'text',
    'contact',
    'my number',
    'your number',
    'his number',
    'her number',
    'number is',
    'mobail',
    'shomare',
    'shomareh',
    'shomaram',
    'shomarat',
    'shomarash',
  ],
  sheba: ['شبا', 'شبای', 'sheba', 'shaba', 'iban'],
  card: [
    'کارت',
    'کارتم',
    'کارتش',
    'ویزا',
    'مسترکارت',
    'card',
    'cards',
    'visa',
    'mastercard',
    'master',
    'amex',
    'american express',
    'diners',
    'discover',
    'jcb',
    'unionpay',
  ],
  ip: [
    'آی پی',
    'آیپی',
    'سرور',
    'میزبان',
    'ip',
    'ipv',
    'host',
    'hostname',
    'server',
    'servers',
    'client',
    'remote',
    'src',
    'dst',
    'addr',
    'address',
    'addresses',
    'gateway',
    'dns',
    'proxy',
    'ping',
    'ssh',
    'login',
  ],
  version: [
    'نسخه',
    'ورژن',
    'ویرایش',
    'بیلد',
    'ساخت',
    'روزرسانی',
    'بروزرسانی',
    'ارتقا',
    'ارتقاء',
    'فریمور',
    'سیستم عامل',
    'بند',
    'ماده',
    'تبصره',
    'بخش',
    'فصل',
    'قسمت',
    'مبحث',
    'پیوست',
    'جزء',
    'v',
    'ver',
    'version',
    'versions',
    'release',
    'rel',
    'build',
    'firmware',
    'fw',
    'kernel',
    'patch',
    'sdk',
    'bios',
    'driver',
    'nodejs',
    'node js',
    'android',
    'ios',
    'windows',
    'macos',
    'ubuntu',
    'debian',
    'image',
    'tag',
    'oid',
    'snmp',
    'section',
    'clause',
    'article',
    'art',
    'chapter',
    'paragraph',
    'para',
    '§',
  ],
  reference: [
    'سفارش',
    'پیگیری',
    'رهگیری',
    'فاکتور',
    'صورتحساب',
    'صورت حساب',
    'مرسوله',
    'تراکنش',
    'ارجاع',
    'بلیت',
    'بلیط',
    'تیکت',
    'سریال',
    'شابک',
    'بارنامه',
    'بارکد',
    'کد محصول',
    'کد کالا',
    'شماره حساب',
    'شماره ثبت',
    'شماره پرونده',
    'پرونده',
    'سند',
    'شماره پذیرش',
    'مرجع',
    'قبض',
    'شناسه',
    'سرشماره',
    'کد اقتصادی',
    'order',
    'orders',
    'tracking',
    'track',
    'trace',
    'invoice',
    'receipt',
    'reference',
    'ref',
    'ticket',
    'serial',
    'serials',
    'transaction',
    'txn',
    'tx',
    'isbn',
    'issn',
    'sku',
    'ean',
    'upc',
    'barcode',
    'shipment',
    'waybill',
    'lading',
    'booking',
    'confirmation',
    'account no',
    'account number',
    'acct',
    'rrn',
    'stan',
    'timestamp',
    'epoch',
    'part no',
    'model',
    'passport',
    'licence',
    'license',
    'vin',
    'economic code',
    'registration',
  ],
};

const CUE_OF = new Map<string, Cue>(
  (Object.entries(WORDS) as [Cue, string[]][]).flatMap(([cue, words]) => words.map((word) => [word, cue] as const)),
);

/** Longer runs of letters are read in pieces of this length: no cue is this long. */
const LONGEST_WORD = 24;

/** The farthest any caller looks back; answers are kept per position for this window. */
export const MAX_WINDOW = 60;

/** A letter of a word: Latin, Arabic script (with its diacritics and tatweel), or § (a word of its own). */
function isLetter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x0621 && code <= 0x065f) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    code === 0xa7
  );
}

/** What may stand between the two words of a cue: spaces, the zero-width non-joiner, `.`, `-`, `_`. */
function isJoiner(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x200c || code === 0x2e || code === 0x2d || code === 0x5f;
}

/** Arabic ي/ى/ك/ة and ۀ as Persian letters, without diacritics or tatweel, Latin in lower case. */
function normalized(word: string): string {
  const lower = word.toLowerCase();
  if (!/[\u064b-\u065f\u0640يىكةۀ]/.test(lower)) return lower;
  return lower
    .replace(/[\u064b-\u065f\u0640]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[ةۀ]/g, 'ه');
}

const CURRENCY_AFTER = /^\s*(?:ریال|تومان|تومن|دلار|یورو|درهم|rials?|tomans?|irr|irt|usd|eur|aed|\$|€)/i;
/** "… 5.2.0.18 or later", «… ۵.۲.۰.۱۸ یا بالاتر»: only versions are followed by these. */
const VERSION_AFTER =
  /^[\s\u200c]*(?:یا[\s\u200c]?(?:بالاتر|جدیدتر|بعد)|به[\s\u200c]?بعد|و[\s\u200c]?بالاتر|or\s(?:later|higher|newer|above)|and\s(?:later|above|up)|\+(?!\d))/i;

export interface CueBefore {
  cue: Cue;
  /** Code units between the end of the cue and the candidate. */
  distance: number;
  /** An English (Latin) word rather than a Persian one. */
  latin: boolean;
}

/**
 * The words around candidates in one text. A question reads the words before a position backwards, nearest
 * first, and stops at the first cue or beyond MAX_WINDOW: each costs a few words, and answers are kept per
 * position, so the scan stays linear in the text.
 */
export class TextContext {
  private readonly answers = new Map<number, CueBefore | null>();

  constructor(private readonly text: string) {}

  /** The nearest cue ending within `window` code units before `start`, if any. */
  cueBefore(start: number, window: number): CueBefore | undefined {
    let answer = this.answers.get(start);
    if (answer === undefined) {
      answer = this.nearestCue(start) ?? null;
      this.answers.set(start, answer);
    }
    return answer && answer.distance <= window ? answer : undefined;
  }

  /** The text between a cue and the candidate at `start`. */
  gap(start: number, before: CueBefore): string {
    return this.text.slice(start - before.distance, start);
  }

  /** The nearest cue before `start` is `cue`, within `window`. */
  isCue(cue: Cue, start: number, window: number): boolean {
    return this.cueBefore(start, window)?.cue === cue;
  }

  /** A currency follows: the number is an amount. */
  isMoneyAfter(end: number): boolean {
    return CURRENCY_AFTER.test(normalized(this.text.slice(end, end + 12)));
  }

  /** "or later", «یا بالاتر»… follows: the number is a version. */
  isVersionAfter(end: number): boolean {
    return VERSION_AFTER.test(normalized(this.text.slice(end, end + 16)));
  }

  private nearestCue(start: number): CueBefore | undefined {
    const text = this.text;
    const limit = start - MAX_WINDOW;
    let end = start;
    for (;;) {
      while (end > limit && end > 0 && !isLetter(text.charCodeAt(end - 1))) end--;
      if (end <= limit || end <= 0) return undefined;
      const wordStart = this.wordStart(end);
      const word = normalized(text.slice(wordStart, end));
      let previousEnd = wordStart;
      while (previousEnd > wordStart - 2 && previousEnd > 0 && isJoiner(text.charCodeAt(previousEnd - 1)))
        previousEnd--;
      const previousStart = previousEnd < wordStart ? this.wordStart(previousEnd) : previousEnd;
      const pair =
        previousStart < previousEnd
          ? CUE_OF.get(`${normalized(text.slice(previousStart, previousEnd))} ${word}`)
          : undefined;
      const cue = pair ?? CUE_OF.get(word);
      if (cue) return { cue, distance: start - end, latin: text.charCodeAt(end - 1) < 0x0600 };
      end = wordStart;
    }
  }

  /** Where the word ending at `end` starts; a word longer than any cue is cut (it is no cue anyway). */
  private wordStart(end: number): number {
    let start = end;
    while (start > 0 && start > end - LONGEST_WORD && isLetter(this.text.charCodeAt(start - 1))) start--;
    return start;
  }
}
