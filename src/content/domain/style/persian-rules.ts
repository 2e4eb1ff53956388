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
import {
  isPersianDigit,
  isPersianish,
  isPersianLetter,
  isPersianText,
  isWordCode,
  ZWNJ,
  type PersianWord,
} from './persian-text';
import type { StyleIssue } from './style-issue';

/**
 * The built-in Persian rules. Each reads the text (`text`) or its copy with Arabic ي/ك already made
 * Persian (`norm`, same length, so offsets hold) and the Persian words of `norm` (found once for all
 * rules), and appends its issues. Each is one pass over the words or one scan of a regular expression
 * without nested repetition, so the whole check is linear in the text.
 */
export type PersianRule = (text: string, norm: string, issues: StyleIssue[], words: PersianWord[]) => void;

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

/** Where a word stands: glued to a neighbour by a non-joiner, or after the previous word with only spaces between. */
const joinedBefore = (norm: string, word: PersianWord): boolean => norm[word.start - 1] === ZWNJ;
const joinedAfter = (norm: string, word: PersianWord): boolean => norm[word.end] === ZWNJ;
/** The previous word when only spaces (one or more) stand between it and `word`. */
function spacedAfter(norm: string, words: PersianWord[], index: number): PersianWord | undefined {
  const previous = words[index - 1];
  if (!previous || previous.end === words[index]!.start) return undefined;
  for (let i = previous.end; i < words[index]!.start; i++) if (norm[i] !== ' ') return undefined;
  return previous;
}

/** «می شود», «نمی دانم» (a separate prefix) and «میشود», «نمیدانم» (glued on) → «می‌شود». */
export const zwnjMi: PersianRule = (_text, norm, issues, words) => {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (joinedBefore(norm, word) || joinedAfter(norm, word)) continue;
    const prefix = word.text.startsWith('نمی') ? 'نمی' : word.text.startsWith('می') ? 'می' : undefined;
    if (!prefix) continue;
    const previous = spacedAfter(norm, words, i);
    if (word.text === prefix) continue;
    if (previous && (previous.text === 'می' || previous.text === 'نمی') && !joinedBefore(norm, previous)) continue;
    const rest = word.text.slice(prefix.length);
    if (rest.length >= 2 && !NOT_MI_VERBS.has(word.text) && isVerbAfterMi(rest, false)) {
      issues.push({ rule: 'zwnj-mi', start: word.start, end: word.end, suggestion: prefix + ZWNJ + rest });
    }
  }
  for (let i = 1; i < words.length; i++) {
    const verb = words[i]!;
    const prefix = spacedAfter(norm, words, i);
    if (!prefix || (prefix.text !== 'می' && prefix.text !== 'نمی') || joinedBefore(norm, prefix)) continue;
    if (joinedAfter(norm, verb) || !isVerbAfterMi(verb.text, true)) continue;
    issues.push({ rule: 'zwnj-mi', start: prefix.start, end: verb.end, suggestion: prefix.text + ZWNJ + verb.text });
  }
};

const PLURALS = new Set(['ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان']);
/** Glued on, only the three commonest forms, longest first. */
const GLUED_PLURALS = ['هایی', 'های', 'ها'];
const EXCLAMATION_AFTER = /^ *!/;

/**
 * «کتاب ها» → «کتاب‌ها» (not before «!», the interjection «ها!»); «کتابها» → «کتاب‌ها» only after a
 * letter that joins the next (after «د», «ر», «و»… a glued «ها» looks right already, and most words
 * that merely end in ها do so after one: «اژدها»).
 */
export const zwnjHa: PersianRule = (_text, norm, issues, words) => {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (joinedAfter(norm, word)) continue;
    const previous = PLURALS.has(word.text) ? spacedAfter(norm, words, i) : undefined;
    if (previous) {
      if (
        previous.text.length < 2 ||
        previous.text === 'ها' ||
        EXCLAMATION_AFTER.test(norm.slice(word.end, word.end + 8))
      ) {
        continue;
      }
      issues.push({
        rule: 'zwnj-ha',
        start: previous.start,
        end: word.end,
        suggestion: previous.text + ZWNJ + word.text,
      });
      continue;
    }
    if (joinedBefore(norm, word)) continue;
    const suffix = GLUED_PLURALS.find((plural) => word.text.endsWith(plural) && word.text.length - plural.length >= 2);
    if (!suffix) continue;
    const base = word.text.slice(0, word.text.length - suffix.length);
    if (NON_JOINING.has(base.at(-1)!) || NOT_PLURAL.has(base + 'ها') || NOT_PLURAL.has(word.text)) continue;
    issues.push({ rule: 'zwnj-ha', start: word.start, end: word.end, suggestion: base + ZWNJ + suffix });
  }
};

const isAdjective = (word: string): boolean => ADJECTIVES.has(word) || ADJECTIVE_SUFFIX.test(word);

/**
 * «بزرگ تر», «مهم ترین», «بزرگتر» → «بزرگ‌تر», «مهم‌ترین», «بزرگ‌تر»; «بیش تر» → «بیشتر» (written joined by
 * convention). A separate «تر» only after an adjective («لباس تر» is a wet garment); a separate «ترین»
 * after any word; a glued one only after a known adjective («دختر», «دفتر» and «بستر» are not comparatives).
 */
export const zwnjTar: PersianRule = (_text, norm, issues, words) => {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (joinedAfter(norm, word)) continue;
    const previous = word.text === 'تر' || word.text === 'ترین' ? spacedAfter(norm, words, i) : undefined;
    if (previous) {
      if (previous.text.length < 2 || joinedBefore(norm, previous)) continue;
      const joined = JOINED_COMPARATIVES.has(previous.text);
      if (word.text === 'تر' && !isAdjective(previous.text) && previous.text !== 'بیش' && previous.text !== 'کم')
        continue;
      const suggestion = joined ? previous.text + word.text : previous.text + ZWNJ + word.text;
      issues.push({ rule: 'zwnj-tar', start: previous.start, end: word.end, suggestion });
      continue;
    }
    if (joinedBefore(norm, word)) continue;
    const suffix = word.text.endsWith('ترین') ? 'ترین' : word.text.endsWith('تر') ? 'تر' : undefined;
    if (!suffix) continue;
    const base = word.text.slice(0, word.text.length - suffix.length);
    if (base.length < 2 || JOINED_COMPARATIVES.has(base) || !isAdjective(base)) continue;
    issues.push({ rule: 'zwnj-tar', start: word.start, end: word.end, suggestion: base + ZWNJ + suffix });
  }
};

const ARABIC_LETTER = /[\u064A\u0649\u0643]/g;

/** One issue per word holding ي, ى or ك: the word with ی and ک. */
export const arabicLetters: PersianRule = (text, norm, issues) => {
  let lastEnd = -1;
  for (const match of text.matchAll(ARABIC_LETTER)) {
    if (match.index < lastEnd) continue;
    let start = match.index;
    let end = match.index + 1;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
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
