/** Character classes of Persian text, as regular-expression ranges and tests. */

/** Arabic-script letters (no tatweel, no diacritics, no digits, no punctuation). */
export const LETTERS =
  '\\u0620-\\u063F\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF';
/** Diacritics and tatweel, which sit inside a word. */
const MARKS = '\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06ED';
/** What a Persian word is made of (a zero-width non-joiner separates its parts). */
export const WORD_CHARS = LETTERS + MARKS;
export const ZWNJ = '\u200c';

const LETTER = new RegExp(`[${LETTERS}]`, 'u');
// Ranges of code points, diacritics among them, not characters combined with each other.
// eslint-disable-next-line no-misleading-character-class
const PERSIANISH = new RegExp(`[${WORD_CHARS}\\u06F0-\\u06F9\\u0660-\\u0669\\u060C\\u061B\\u061F\\u00AB\\u00BB]`, 'u');

export const isPersianLetter = (char: string | undefined): boolean => char !== undefined && LETTER.test(char);
export const isPersianDigit = (char: string | undefined): boolean => char !== undefined && char >= '۰' && char <= '۹';
/** A Persian letter, digit or punctuation mark (، ؛ ؟ « »). */
export const isPersianish = (char: string | undefined): boolean => char !== undefined && PERSIANISH.test(char);

/** ي and ى (Arabic yeh, alef maksura) → ی; ك → ک. One character for one, so offsets hold. */
export function toPersianLetters(text: string): string {
  return text.replace(/[\u064A\u0649\u0643]/g, (char) => (char === '\u0643' ? 'ک' : 'ی'));
}

/** Persian when Arabic-script letters are at least as many as Latin ones (as pii's masks decide). */
export function isPersianText(text: string): boolean {
  let persian = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
    else if (code >= 0x0620 && code <= 0x06ff && isPersianLetter(text[i])) persian++;
  }
  return persian >= latin;
}

/** A Persian letter or diacritic (WORD_CHARS), by code point: faster than a regular expression. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x065f) ||
    (code >= 0x066e && code <= 0x06d3) ||
    (code >= 0x06d5 && code <= 0x06ef) ||
    (code >= 0x06fa && code <= 0x06fc) ||
    code === 0x06ff
  );
}

/** A Persian word of a text: a maximal run of WORD_CHARS, `text.slice(start, end)`. */
export interface PersianWord {
  start: number;
  end: number;
  text: string;
}

/** Every Persian word of the text, in order, in one pass. */
export function persianWords(text: string): PersianWord[] {
  const words: PersianWord[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isWordCode(text.charCodeAt(i))) continue;
    const start = i;
    while (i + 1 < text.length && isWordCode(text.charCodeAt(i + 1))) i++;
    words.push({ start, end: i + 1, text: text.slice(start, i + 1) });
  }
  return words;
}
