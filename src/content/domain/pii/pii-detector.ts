import { isInternationalCardNumber, isIranianCardBin } from './card-networks';
import { isValidIranianIban, isValidIranianNationalId, passesLuhn } from './checksums';
import { context } from './context-words';
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

const pattern = (body: string, flags = 'g') => new RegExp(`${START}(?:${body})${END}`, flags);

const MOBILE = pattern(
  `(?:\\+|00)98${SEP}?\\(?0?9[0-49]\\d\\)?${SEP}?\\d{3}${SEP}?\\d{4}|\\(?09[0-49]\\d\\)?${SEP}?\\d{3}${SEP}?\\d{4}`,
);
const BARE_MOBILE = pattern('9[0-49]\\d{8}');
const LANDLINE = pattern(
  `(?:(?:\\+|00)98${SEP}?\\(?0?|\\(?0)[1-8]\\d\\)?${SEP}?\\d{4}${SEP}?\\d{4}|(?:(?:\\+|00)98${SEP}?\\(?0?|\\(?0)[1-8]\\d\\)?${SEP}?\\d{3}${SEP}?\\d{2}${SEP}?\\d{3}`,
);
const IBAN = pattern(`IR${SEP}?\\d{2}(?:${SEP}?\\d{4}){5}${SEP}?\\d{2}|IR\\d{24}`, 'gi');
const BARE_IBAN = pattern(`\\d{2}(?:${SEP}?\\d{4}){5}${SEP}?\\d{2}|\\d{24}`);
const CARD = pattern(`\\d{4}(${SEP})\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?|\\d{4}${SEP}\\d{6}${SEP}\\d{5}|\\d{13,19}`);
const TEN_DIGITS = pattern(`\\d{10}|\\d{3}-\\d{6}-\\d|\\d{5}${SEP}\\d{5}`);
const EMAIL =
  /(?<![A-Za-z0-9._%+*-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const IPV4 =
  /(?<![0-9A-Za-z.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![0-9A-Za-z]|\.\d)/g;
const IPV6_CANDIDATE =
  /(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![0-9A-Za-z:]|\.\d)/g;

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

/**
 * Finds personal data in Persian, English and mixed text: Iranian national IDs, mobiles and
 * landlines, Sheba numbers, bank and credit cards, postal codes, emails and IP addresses, in Latin,
 * Persian or Arabic-Indic digits. Numbers with a check digit count only when it is valid; postal
 * codes and bare ten-digit mobiles only where the words before them say so. Pure and linear in the
 * text's length; offsets are into the text as given.
 */
export function detectPii(text: string): PiiScan {
  if (!text) return { found: false, findings: [] };
  const shadow = latinShadow(text);
  const candidates: PiiFinding[] = [];
  const add = (type: PiiType, start: number, end: number) => candidates.push({ type, start, end });

  for (const match of shadow.matchAll(EMAIL)) add('EMAIL', match.index, match.index + match[0].length);
  for (const match of shadow.matchAll(IPV4)) {
    if (!context.isVersion(shadow, match.index)) add('IP_ADDRESS', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(IPV6_CANDIDATE)) {
    if (isIpv6(match[0])) add('IP_ADDRESS', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(IBAN)) {
    if (isValidIranianIban(digitsOf(match[0]))) add('IBAN_IR', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(BARE_IBAN)) {
    if (context.isSheba(shadow, match.index) && isValidIranianIban(digitsOf(match[0])))
      add('IBAN_IR', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(CARD)) {
    const type = cardTypeOf(digitsOf(match[0]));
    if (type) add(type, match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(MOBILE)) add('IR_PHONE', match.index, match.index + match[0].length);
  for (const match of shadow.matchAll(BARE_MOBILE)) {
    if (context.isPhone(shadow, match.index) && !context.isNationalId(shadow, match.index))
      add('IR_PHONE', match.index, match.index + match[0].length);
  }
  for (const match of shadow.matchAll(LANDLINE)) add('IR_LANDLINE', match.index, match.index + match[0].length);
  for (const match of shadow.matchAll(TEN_DIGITS)) {
    const type = tenDigitTypeOf(shadow, match.index, match.index + match[0].length, digitsOf(match[0]));
    if (type) add(type, match.index, match.index + match[0].length);
  }

  const findings = withoutOverlaps(candidates, text.length);
  return { found: findings.length > 0, findings };
}

function cardTypeOf(digits: string): PiiType | undefined {
  if (!passesLuhn(digits)) return undefined;
  if (digits.length === 16 && isIranianCardBin(digits)) return 'CARD_NUMBER';
  return isInternationalCardNumber(digits) ? 'CREDIT_CARD' : undefined;
}

/** A ten-digit number is a postal code where the text says so, else a national ID if its check digit fits. */
function tenDigitTypeOf(text: string, start: number, end: number, digits: string): PiiType | undefined {
  if (context.isPostal(text, start)) return 'IR_POSTAL_CODE';
  if (!isValidIranianNationalId(digits)) return undefined;
  if (context.isNationalId(text, start)) return 'IR_NATIONAL_ID';
  if (context.isReference(text, start) || context.isMoney(text, end) || context.isPhone(text, start)) return undefined;
  return 'IR_NATIONAL_ID';
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
  for (const candidate of ranked) {
    if (covered.subarray(candidate.start, candidate.end).includes(1)) continue;
    covered.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
