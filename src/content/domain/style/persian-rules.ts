import {
  ADJECTIVE_SUFFIX,
  ADJECTIVES,
  BARE_PRESENT,
  JOINED_COMPARATIVES,
  NON_JOINING,
  NOT_MI_VERBS,
  NOT_PLURAL,
  PAST_STEMS,
  PRESENT_STEMS,
  VERB_ENDINGS,
} from './persian-words';
import { isPersianDigit, isPersianish, isPersianLetter, isPersianText, WORD_CHARS, ZWNJ } from './persian-text';
import type { StyleIssue } from './style-issue';

/**
 * The built-in Persian rules. Each reads the text (`text`) or its copy with Arabic ي/ك already made
 * Persian (`norm`, same length, so offsets hold), and appends its issues. Every scan is one pass of
 * a regular expression without nested repetition, so the whole check is linear in the text.
 */
export type PersianRule = (text: string, norm: string, issues: StyleIssue[]) => void;

const W = `[${WORD_CHARS}]`;
const NOT_BEFORE_WORD = `(?<![${WORD_CHARS}${ZWNJ}])`;
const NOT_AFTER_WORD = `(?![${WORD_CHARS}${ZWNJ}])`;

/** stem + personal ending; a present stem needs an ending unless `bare` (after a separate «می»). */
function isVerbAfterMi(rest: string, bare: boolean): boolean {
  for (const ending of VERB_ENDINGS) {
    if (!rest.endsWith(ending) || rest.length - ending.length < 2) continue;
    const stem = rest.slice(0, rest.length - ending.length);
    if (PAST_STEMS.has(stem) && ending !== 'د') return true;
    if (PRESENT_STEMS.has(stem) && (ending !== '' || bare || BARE_PRESENT.has(stem))) return true;
  }
  return false;
}

/** «می شود», «نمی دانم» (a separate prefix) and «میشود», «نمیدانم» (glued on) → «می‌شود». */
const SEPARATE_MI = new RegExp(`${NOT_BEFORE_WORD}(ن?می)( +)(${W}+)${NOT_AFTER_WORD}`, 'g');
const GLUED_MI = new RegExp(`${NOT_BEFORE_WORD}(ن?می)(${W}{2,})${NOT_AFTER_WORD}`, 'g');

export const zwnjMi: PersianRule = (_text, norm, issues) => {
  for (const match of norm.matchAll(SEPARATE_MI)) {
    const [whole, prefix, , verb] = match as unknown as [string, string, string, string];
    if (!isVerbAfterMi(verb, true)) continue;
    issues.push({
      rule: 'zwnj-mi',
      start: match.index,
      end: match.index + whole.length,
      suggestion: prefix + ZWNJ + verb,
    });
  }
  for (const match of norm.matchAll(GLUED_MI)) {
    const [whole, prefix, verb] = match as unknown as [string, string, string];
    if (NOT_MI_VERBS.has(whole) || !isVerbAfterMi(verb, false)) continue;
    issues.push({
      rule: 'zwnj-mi',
      start: match.index,
      end: match.index + whole.length,
      suggestion: prefix + ZWNJ + verb,
    });
  }
};

const PLURAL = '(هایشان|هایتان|هایمان|هایی|هایم|هایت|هایش|های|ها)';
/** «کتاب ها» → «کتاب‌ها»; not before «!» (the interjection «ها!»). */
const SEPARATE_HA = new RegExp(`(${W}{2,})( +)${PLURAL}${NOT_AFTER_WORD}(?! *!)`, 'g');
/** «کتابها» → «کتاب‌ها», only the three commonest forms, only after a letter that joins the next. */
const GLUED_HA = new RegExp(`${NOT_BEFORE_WORD}(${W}{2,}?)(هایی|های|ها)${NOT_AFTER_WORD}`, 'g');

export const zwnjHa: PersianRule = (_text, norm, issues) => {
  for (const match of norm.matchAll(SEPARATE_HA)) {
    const [whole, word, , suffix] = match as unknown as [string, string, string, string];
    if (word === 'ها') continue;
    issues.push({
      rule: 'zwnj-ha',
      start: match.index,
      end: match.index + whole.length,
      suggestion: word + ZWNJ + suffix,
    });
  }
  for (const match of norm.matchAll(GLUED_HA)) {
    const [whole, base, suffix] = match as unknown as [string, string, string];
    if (NON_JOINING.has(base.at(-1)!) || NOT_PLURAL.has(base + 'ها') || NOT_PLURAL.has(whole)) continue;
    issues.push({
      rule: 'zwnj-ha',
      start: match.index,
      end: match.index + whole.length,
      suggestion: base + ZWNJ + suffix,
    });
  }
};

const isAdjective = (word: string): boolean => ADJECTIVES.has(word) || ADJECTIVE_SUFFIX.test(word);
/** «بزرگ تر», «مهم ترین» → «بزرگ‌تر», «مهم‌ترین»; «بیش تر» → «بیشتر» (written joined by convention). */
const SEPARATE_TAR = new RegExp(`${NOT_BEFORE_WORD}(${W}{2,})( +)(ترین|تر)${NOT_AFTER_WORD}`, 'g');
/** «بزرگتر» → «بزرگ‌تر», for known adjectives only («دختر», «دفتر» and «بستر» are not comparatives). */
const GLUED_TAR = new RegExp(`${NOT_BEFORE_WORD}(${W}{2,}?)(ترین|تر)${NOT_AFTER_WORD}`, 'g');

export const zwnjTar: PersianRule = (_text, norm, issues) => {
  for (const match of norm.matchAll(SEPARATE_TAR)) {
    const [whole, word, , suffix] = match as unknown as [string, string, string, string];
    const joined = JOINED_COMPARATIVES.has(word);
    // «تر» alone is also "wet" («لباس تر»): only after an adjective. «ترین» is never a word of its own.
    if (suffix === 'تر' && !isAdjective(word) && !(joined && (word === 'بیش' || word === 'کم'))) continue;
    const suggestion = joined ? word + suffix : word + ZWNJ + suffix;
    issues.push({ rule: 'zwnj-tar', start: match.index, end: match.index + whole.length, suggestion });
  }
  for (const match of norm.matchAll(GLUED_TAR)) {
    const [whole, base, suffix] = match as unknown as [string, string, string];
    if (JOINED_COMPARATIVES.has(base) || !isAdjective(base)) continue;
    issues.push({
      rule: 'zwnj-tar',
      start: match.index,
      end: match.index + whole.length,
      suggestion: base + ZWNJ + suffix,
    });
  }
};

const ARABIC_LETTER = /[\u064A\u0649\u0643]/g;
const WORD_CHAR = new RegExp(`[${WORD_CHARS}]`);

/** One issue per word holding ي, ى or ك: the word with ی and ک. */
export const arabicLetters: PersianRule = (text, norm, issues) => {
  let lastEnd = -1;
  for (const match of text.matchAll(ARABIC_LETTER)) {
    if (match.index < lastEnd) continue;
    let start = match.index;
    let end = match.index + 1;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    lastEnd = end;
    issues.push({ rule: 'arabic-letters', start, end, suggestion: norm.slice(start, end) });
  }
};

const PERSIAN_PUNCTUATION: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };
const CLOSING = new Set(['\n', '\r', '«', '»', ')', '!', '"', '؟', '.']);

/**
 * `,` `;` `?` with a Persian word (or a Persian number) before it and a Persian word, a line's end or
 * closing punctuation after it. Spaces between are looked through, not line breaks. Never between
 * digits (`1,000`), never in Latin runs or addresses.
 */
export const latinPunctuation: PersianRule = (text, _norm, issues) => {
  for (const match of text.matchAll(/[,;?]/g)) {
    let before = match.index - 1;
    while (before >= 0 && text[before] === ' ') before--;
    let after = match.index + 1;
    while (after < text.length && text[after] === ' ') after++;
    const previous = text[before];
    const next = text[after];
    if (!(isPersianLetter(previous) || isPersianDigit(previous) || previous === '»')) continue;
    const endsHere = next === undefined || CLOSING.has(next);
    if (!(isPersianLetter(next) || (endsHere && isPersianLetter(previous)))) continue;
    issues.push({
      rule: 'latin-punctuation',
      start: match.index,
      end: match.index + 1,
      suggestion: PERSIAN_PUNCTUATION[match[0]]!,
    });
  }
};

const NUMBER = /[0-9\u06F0-\u06F9\u0660-\u0669]+(?:[.,\u066B\u066C/][0-9\u06F0-\u06F9\u0660-\u0669]+)*/g;
const scriptOf = (code: number): number => (code < 0x80 ? 0 : code >= 0x06f0 ? 1 : 2);

/** A number written in two digit scripts («۱۲3۴»): all Persian in a Persian text, all Latin otherwise. */
export const mixedDigits: PersianRule = (text, _norm, issues) => {
  let persian: boolean | undefined;
  for (const match of text.matchAll(NUMBER)) {
    const number = match[0];
    let scripts = 0;
    for (let i = 0; i < number.length; i++) {
      const code = number.charCodeAt(i);
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x06f0 && code <= 0x06f9) || (code >= 0x0660 && code <= 0x0669)) {
        scripts |= 1 << scriptOf(code);
      }
    }
    if ((scripts & (scripts - 1)) === 0) continue;
    persian ??= isPersianText(text);
    const suggestion = number.replace(/[0-9\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
      const code = digit.charCodeAt(0);
      const value = code < 0x80 ? code - 0x30 : code >= 0x06f0 ? code - 0x06f0 : code - 0x0660;
      return persian ? String.fromCharCode(0x06f0 + value) : String(value);
    });
    issues.push({ rule: 'mixed-digits', start: match.index, end: match.index + number.length, suggestion });
  }
};

/**
 * Two or more spaces between words, where a Persian letter, digit or mark is on either side. Not at
 * the start or end of a line (indentation, Markdown's line break), and not between two Latin words,
 * where a double space after a full stop is a convention of its own.
 */
export const doubleSpace: PersianRule = (text, _norm, issues) => {
  for (const match of text.matchAll(/ {2,}/g)) {
    const previous = text[match.index - 1];
    const next = text[match.index + match[0].length];
    if (previous === undefined || next === undefined || /\s/.test(previous) || /\s/.test(next)) continue;
    if (!isPersianish(previous) && !isPersianish(next)) continue;
    issues.push({ rule: 'double-space', start: match.index, end: match.index + match[0].length, suggestion: ' ' });
  }
};

/** In the order their issues win an overlap (see STYLE_RULES). */
export const PERSIAN_RULES: PersianRule[] = [
  zwnjMi,
  zwnjHa,
  zwnjTar,
  arabicLetters,
  latinPunctuation,
  mixedDigits,
  doubleSpace,
];
