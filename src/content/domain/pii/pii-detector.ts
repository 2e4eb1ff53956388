import { cardNetworkOf, isIranianCardBin } from './card-networks';
import { isValidIranianIban, isValidIranianNationalId, passesLuhn } from './checksums';
import { type Cue, MAX_WINDOW, TextContext } from './context-words';
import { digitsOf, latinShadow } from './latin-shadow';
import type { PiiFinding, PiiScan, PiiType } from './pii-finding';

/** A space, no-break or thin space, or a hyphen: what people put between groups of digits. */
const SEP = '[ \\u00a0\\u2009\\u202f-]';
/**
 * A number must stand alone: not glued to a letter, digit, mask or path character on either side,
 * and not continued by a decimal or thousands separator and more digits (prices, dates, versions).
 */
const START = '(?<![0-9A-Za-z_*#/\\\\.,\\u066b\\u066c+-])';
const END = '(?![0-9A-Za-z_*#/\\\\]|[.,:\\u066b\\u066c/-]\\d)';
/** A phone may also follow a slash, as in a link (`wa.me/98912…`), but not a date's (`1403/…`). */
const PHONE_START = '(?<![0-9A-Za-z_*#\\\\.,\\u066b\\u066c+-])(?<!\\d/)';

const pattern = (body: string, flags = 'g', start = START) => new RegExp(`${start}(?:${body})${END}`, flags);

/** A mobile operator's prefix after the 0 (or +98): 90x Irancell, 91x and 99x MCI, 92x RighTel, 93x, 941. */
const OPERATOR = '9(?:0[0-5]|1\\d|2[0-2]|3\\d|41|9\\d)';
/**
 * The seven digits after the operator, as people group them: `1234567`, `123 4567`, `123 45 67`,
 * `1234 567`, or with dots throughout (`.123.4567`, `.123.45.67`).
 */
const SUBSCRIBER =
  `(?:${SEP}?\\d{3}${SEP}?\\d{4}|${SEP}?\\d{3}${SEP}\\d{2}${SEP}\\d{2}|${SEP}?\\d{4}${SEP}\\d{3}` +
  `|\\.\\d{3}\\.(?:\\d{4}|\\d{2}\\.\\d{2}))`;
/** 0912…, (0912) …, +98 912…, +98 (912) …, +98 (0)912…, 0098 912…, +98 0912…. */
const MOBILE = pattern(
  `(?:\\+|00)98${SEP}?(?:\\(0?${OPERATOR}\\)|\\(0\\)${SEP}?${OPERATOR}|0?${OPERATOR})${SUBSCRIBER}|(?:\\(0${OPERATOR}\\)|0${OPERATOR})${SUBSCRIBER}`,
  'g',
  PHONE_START,
);
/** 98912…: the country code without + or 00, as in links and exported contact lists. */
const COUNTRY_MOBILE = pattern(`98${OPERATOR}\\d{7}`, 'g', PHONE_START);
/** 912… without the 0: a mobile only where the words before say so, and not after another country's code (`+1 912…`). */
const BARE_MOBILE = pattern(`${OPERATOR}${SUBSCRIBER}`);
const AFTER_COUNTRY_CODE = /(?:\+|00)\d{1,3}[ \u00a0-]?$/;
/**
 * An area code (checked against the provinces' list) and eight digits starting 2–9, grouped
 * 8, 4-4, 3-2-3, 2-2-2-2 or 3-3-2.
 */
const LANDLINE = pattern(
  `(?:(?:\\+|00)98${SEP}?(?:\\(0?[1-8]\\d\\)|0?[1-8]\\d)|\\(0[1-8]\\d\\)|0[1-8]\\d)` +
    `(?:${SEP}?[2-9]\\d{3}${SEP}?\\d{4}|${SEP}?[2-9]\\d{2}${SEP}\\d{2}${SEP}\\d{3}|${SEP}?[2-9]\\d${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{2}` +
    `|${SEP}?[2-9]\\d{2}${SEP}\\d{3}${SEP}\\d{2})`,
);
const IBAN = pattern(`IR${SEP}?\\d{2}(?:${SEP}?\\d{4}){5}${SEP}?\\d{2}|IR\\d{24}`, 'gi');
const BARE_IBAN = pattern(`\\d{2}(?:${SEP}?\\d{4}){5}${SEP}?\\d{2}|\\d{24}`);
const CARD = pattern(`\\d{4}(${SEP})\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?|\\d{4}${SEP}\\d{6}${SEP}\\d{5}|\\d{13,19}`);
/** Ten digits, a national ID's 3-6-1 with dashes (group 1), or a postal code's 5-5 (group 2). */
const TEN_DIGITS = pattern(`\\d{10}|(\\d{3}-\\d{6}-\\d)|(\\d{5}${SEP}\\d{5})`);
/** An address from the start of its local part (read back from its `@`): sticky, tried once per `@`. */
const EMAIL =
  /[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;
const IPV4 =
  /(?<![0-9A-Za-z.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![0-9A-Za-z]|\.\d|-[A-Za-z])/g;
/** An IPv6 address from its start (read back from its first `:`): sticky, tried once per run of colons. */
const IPV6_CANDIDATE = /(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![0-9A-Za-z:]|\.\d)/y;

/** Area codes of Iran's provinces, without the leading 0. */
const AREA_CODES = new Set([
  '11', '13', '17', '21', '23', '24', '25', '26', '28', '31', '34', '35', '38', '41', '44', '45', '51', '54', '56',
  '58', '61', '66', '71', '74', '76', '77', '81', '83', '84', '86', '87',
]); // prettier-ignore

/**
 * Image, font, media and document extensions that are not top-level domains: `hero@3x.webp` and
 * `icon@2x.png` are file names, not addresses.
 */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'heic', 'pdf', 'mp3', 'mp4',
  'webm', 'wav', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'css', 'scss', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx',
  'json', 'yaml', 'yml', 'html', 'htm', 'txt', 'csv', 'xml', 'docx', 'xlsx', 'pptx',
]); // prettier-ignore
/** Names reserved for local networks, never a top-level domain on the Internet: `admin@nas.local`. */
const LOCAL_NAMES = new Set(['local', 'localhost', 'localdomain', 'internal', 'lan', 'home', 'corp', 'intranet', 'invalid']); // prettier-ignore
/** A retina or density suffix: `@2x`, `@1.5x`. */
const DENSITY = /@\d+(?:\.\d+)?x\./i;

/** When two findings overlap, the longer wins; at equal length, the more specific type. */
const PRIORITY: Record<PiiType, number> = {
  IBAN_IR: 9,
  CARD_NUMBER: 8,
  CREDIT_CARD: 7,
  IR_POSTAL_CODE: 6,
  IR_PHONE: 5,
  IR_LANDLINE: 4,
  IR_NATIONAL_ID: 3,
  EMAIL: 2,
  IP_ADDRESS: 1,
};

/** How far back (code units) the words before a candidate are read. */
const WINDOW = { postal: MAX_WINDOW, phone: 40, ip: 40, veto: 30, label: 6 } as const;
const DIGIT = /\d/;
/** Words that, labelling a ten-digit number, make it something else than a national ID. */
const NOT_A_NATIONAL_ID = new Set<Cue>(['phone', 'reference', 'card', 'sheba', 'version']);
const DOTTED_NUMBERS = /\d+(?:\.\d+)+/g;
const LIST_WORDS = /(?<![A-Za-z\u0600-\u06ff])(?:and|or|to|from|through|و|یا|تا|به|از)(?![A-Za-z\u0600-\u06ff])/gi;
const WORD_OR_DIGIT = /[0-9A-Za-z\u0600-\u06ff]/;
const WORDS = /[A-Za-z\u0600-\u06ff]+/g;

/**
 * Finds personal data in Persian, English and mixed text: Iranian national IDs, mobiles and
 * landlines, Sheba numbers, bank and credit cards, postal codes, emails and IP addresses, in Latin,
 * Persian or Arabic-Indic digits. Numbers with a check digit count only when it is valid; postal
 * codes and bare ten-digit mobiles only where the words before them say so; the nearest of those
 * words decides (see context-words.ts). Pure and linear in the text's length; offsets are into the
 * text as given.
 */
export function detectPii(text: string): PiiScan {
  if (!text) return { found: false, findings: [] };
  const shadow = latinShadow(text);
  const context = new TextContext(shadow);
  const candidates: PiiFinding[] = [];
  const add = (type: PiiType, start: number, end: number) => candidates.push({ type, start, end });

  for (const match of emailsIn(shadow)) {
    if (isEmailAddress(match[0])) add('EMAIL', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(IPV4)) {
    if (isIpv4InContext(shadow, context, match.index, match.index + match[0].length))
      add('IP_ADDRESS', match.index, match.index + match[0].length);
  }
  for (const match of ipv6CandidatesIn(shadow)) {
    if (isIpv6(match[0])) add('IP_ADDRESS', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(IBAN)) {
    if (isValidIranianIban(digitsOf(match[0]))) add('IBAN_IR', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(BARE_IBAN)) {
    if (context.isCue('sheba', match.index, WINDOW.veto) && isValidIranianIban(digitsOf(match[0])))
      add('IBAN_IR', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(CARD)) {
    const type = cardTypeOf(context, match.index, digitsOf(match[0]));
    if (type) add(type, match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(MOBILE)) add('IR_PHONE', match.index, match.index + match[0].length);
  for (const match of shadow.matchAll(COUNTRY_MOBILE)) {
    const cue = context.cueBefore(match.index, WINDOW.veto)?.cue;
    if (cue === undefined || cue === 'phone') add('IR_PHONE', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(BARE_MOBILE)) {
    if (
      context.isCue('phone', match.index, WINDOW.phone) &&
      !AFTER_COUNTRY_CODE.test(shadow.slice(Math.max(0, match.index - 6), match.index))
    )
      add('IR_PHONE', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(LANDLINE)) {
    if (AREA_CODES.has(areaCodeOf(match[0]))) add('IR_LANDLINE', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(TEN_DIGITS)) {
    const end = match.index + match[0].length;
    const shape = match[1] ? 'nationalId' : match[2] ? 'postal' : 'plain';
    const type = tenDigitTypeOf(context, match.index, end, digitsOf(match[0]), shape);
    if (type) add(type, match.index, end);
  }

  const findings = withoutOverlaps(candidates, text.length);
  return { found: findings.length > 0, findings };
}

const isAlphanumeric = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** `[A-Za-z0-9._%+-]` */
const isLocalPart = (code: number) =>
  isAlphanumeric(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d;
/** `[0-9A-Fa-f]` */
const isHex = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

/**
 * Email addresses, found from each `@`: the local part can only start where the run of local-part
 * characters before the `@` starts (after anything else but a mask's `*`), so one sticky match per `@`
 * replaces trying the pattern at every letter of the text.
 */
function* emailsIn(text: string): Generator<RegExpExecArray> {
  let searchedUpTo = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < searchedUpTo) continue;
    let start = at;
    while (start > 0 && at - start <= 64 && isLocalPart(text.charCodeAt(start - 1))) start--;
    if (start < searchedUpTo || at - start > 64 || text.charAt(start - 1) === '*') continue;
    EMAIL.lastIndex = start;
    const match = EMAIL.exec(text);
    if (!match) continue;
    searchedUpTo = match.index + match[0].length;
    yield match;
  }
}

/** IPv6 candidates, found the same way from each `:` that follows at most four hex digits. */
function* ipv6CandidatesIn(text: string): Generator<RegExpExecArray> {
  let searchedUpTo = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (colon < searchedUpTo) continue;
    let start = colon;
    while (start > 0 && colon - start < 4 && isHex(text.charCodeAt(start - 1))) start--;
    const before = text.charCodeAt(start - 1);
    if (start > 0 && (isAlphanumeric(before) || before === 0x3a || before === 0x2e)) continue;
    IPV6_CANDIDATE.lastIndex = start;
    const match = IPV6_CANDIDATE.exec(text);
    if (!match) continue;
    searchedUpTo = match.index + match[0].length;
    yield match;
  }
}

/**
 * An Iranian BIN and Luhn make a bank card; Visa, Mastercard and Amex need Luhn and no other label right
 * before them; the other networks (whose shapes many numbers share) need the word "card" nearby.
 */
function cardTypeOf(context: TextContext, start: number, digits: string): PiiType | undefined {
  if (!passesLuhn(digits)) return undefined;
  if (digits.length === 16 && isIranianCardBin(digits)) return 'CARD_NUMBER';
  const network = cardNetworkOf(digits);
  if (!network) return undefined;
  const before = context.cueBefore(start, WINDOW.veto);
  if (network === 'other') return before?.cue === 'card' ? 'CREDIT_CARD' : undefined;
  // Only a label right before it ("Transaction ID: ", «شماره پیگیری: ») makes a Visa-shaped number something else.
  const labelled = before !== undefined && before.cue !== 'card' && before.distance <= WINDOW.label;
  return labelled && !DIGIT.test(context.gap(start, before)) ? undefined : 'CREDIT_CARD';
}

/**
 * Ten digits are a postal code where the nearest words say so (a 5-5 only then, a 3-6-1 never); else a
 * national ID if the check digit fits, unless a currency follows or a word labels the number as something
 * else (a phone, an order or account number, a card…): near, on its line, with no other number between.
 */
function tenDigitTypeOf(
  context: TextContext,
  start: number,
  end: number,
  digits: string,
  shape: 'plain' | 'nationalId' | 'postal',
): PiiType | undefined {
  const before = context.cueBefore(start, WINDOW.postal);
  if (before?.cue === 'postal' && shape !== 'nationalId') return 'IR_POSTAL_CODE';
  if (shape === 'postal' || !isValidIranianNationalId(digits) || context.isMoneyAfter(end)) return undefined;
  const vetoed =
    before !== undefined &&
    NOT_A_NATIONAL_ID.has(before.cue) &&
    before.distance <= WINDOW.veto &&
    !/[\d\n]/.test(context.gap(start, before));
  return vetoed ? undefined : 'IR_NATIONAL_ID';
}

/**
 * Whether a version word, followed by `gap`, labels the dotted number after the gap. A Persian word
 * («نسخه», «بند») may stand several words before it, as Persian puts the verb last («نسخه آنتی‌ویروس به
 * ۲۲.۱.۴.۱۵ ارتقا یافت»); an English one at most one word before ("version like 3.4.1.2"). Numbers
 * between mean it labels another number, unless they form a list ("3.4.1.2 and 3.4.1.3").
 */
function labelsThisNumber(gap: string, latin: boolean): boolean {
  const words = gap.replace(DOTTED_NUMBERS, ' ').replace(LIST_WORDS, ' ');
  if (DIGIT.test(gap) && WORD_OR_DIGIT.test(words)) return false;
  return !latin || (words.match(WORDS) ?? []).length <= 1;
}

/** The area code of a landline as written: without +98/0098 and the 0. */
function areaCodeOf(written: string): string {
  let digits = digitsOf(written);
  if (/^\s*(?:\+|00)/.test(written)) digits = digits.slice(digits.startsWith('0098') ? 4 : 2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits.slice(0, 2);
}

/** Not a file name (a density suffix, or a file extension for a top-level domain), nor a host on a local network. */
function isEmailAddress(candidate: string): boolean {
  if (DENSITY.test(candidate)) return false;
  const tld = candidate.slice(candidate.lastIndexOf('.') + 1).toLowerCase();
  return !FILE_EXTENSIONS.has(tld) && !LOCAL_NAMES.has(tld);
}

/**
 * A dotted quad is an address unless it reads as a version, a section or an amount: after words such
 * as «نسخه», «بند», "Release", "firmware", `node -v` (nearer than any word about addresses), glued to
 * `name:` or `Name/`, or followed by "or later" or a currency.
 */
function isIpv4InContext(text: string, context: TextContext, start: number, end: number): boolean {
  const before = context.cueBefore(start, WINDOW.ip);
  if (before?.cue === 'ip') return true;
  if (before?.cue === 'version' && labelsThisNumber(context.gap(start, before), before.latin)) return false;
  // Glued to a name: an image tag (`contexor/api:3.4.1.2`) or a product token (`Chrome/120.0.0.0`).
  const glue = text[start - 1];
  if ((glue === ':' || glue === '/') && /[0-9A-Za-z_-]/.test(text[start - 2] ?? '')) return false;
  return !context.isVersionAfter(end) && !context.isMoneyAfter(end);
}

const IPV4_EXACT = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Eight groups, or fewer around one `::`, optionally ending in an IPv4 address (worth two groups). */
function isIpv6(candidate: string): boolean {
  let text = candidate;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4_EXACT.test(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.length || !groups.every((group) => HEX_GROUP.test(group))) return false;
  // Letters alone around '::' are code (a::b, Foo::Bar), not an address.
  if (!/\d/.test(candidate)) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/**
 * Keeps the best of overlapping findings (longer first, then the more specific type), in text
 * order. Linear in the text: a kept finding marks the code units it covers, and a candidate is
 * checked against the marks of its own span only (findings are short), not against every kept one.
 */
function withoutOverlaps(candidates: PiiFinding[], textLength: number): PiiFinding[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.type] - PRIORITY[a.type] || a.start - b.start,
  );
  const covered = new Uint8Array(textLength);
  const kept: PiiFinding[] = [];
  candidates: for (const candidate of ranked) {
    for (let i = candidate.start; i < candidate.end; i++) if (covered[i]) continue candidates;
    covered.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
