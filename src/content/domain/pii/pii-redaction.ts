import { detectPii } from './pii-detector';
import type { PiiFinding, PiiType } from './pii-finding';

/** The language of the masks: Persian (`[کد ملی]`) or English (`[national id]`). */
export type MaskLanguage = 'fa' | 'en';

/**
 * What replaces a finding of each type: the kind of data that was there, never any of its value,
 * in square brackets so a reader sees where text was taken out. No mask holds a digit, an `@` or a
 * dot between letters, so the detector finds nothing in a mask.
 */
export const PII_MASKS: Readonly<Record<MaskLanguage, Readonly<Record<PiiType, string>>>> = {
  fa: {
    IR_NATIONAL_ID: '[کد ملی]',
    IR_PHONE: '[شماره همراه]',
    IR_LANDLINE: '[تلفن ثابت]',
    EMAIL: '[ایمیل]',
    IBAN_IR: '[شماره شبا]',
    CARD_NUMBER: '[شماره کارت]',
    CREDIT_CARD: '[کارت اعتباری]',
    IR_POSTAL_CODE: '[کد پستی]',
    IP_ADDRESS: '[نشانی IP]',
  },
  en: {
    IR_NATIONAL_ID: '[national id]',
    IR_PHONE: '[mobile number]',
    IR_LANDLINE: '[phone number]',
    EMAIL: '[email]',
    IBAN_IR: '[IBAN]',
    CARD_NUMBER: '[card number]',
    CREDIT_CARD: '[credit card]',
    IR_POSTAL_CODE: '[postal code]',
    IP_ADDRESS: '[IP address]',
  },
};

/** A letter of the Arabic script (Persian and Arabic letters; not their digits, not the ZWNJ). */
const ARABIC_SCRIPT_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
/** A letter of the Latin script, accented ones included. */
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;

/**
 * The language a text's masks are written in: Persian when at least as many of its letters are
 * Persian (Arabic-script) as Latin, English when Latin letters are the majority. Only the letters
 * outside `findings` count, so an email address does not make a Persian text English; a text with no
 * letters, or as many of each, gets Persian masks (the first market is Iran).
 */
export function maskLanguageOf(text: string, findings: readonly PiiFinding[] = []): MaskLanguage {
  let persian = 0;
  let latin = 0;
  let position = 0;
  const count = (from: number, to: number) => {
    if (to <= from) return;
    const piece = text.slice(from, to);
    persian += piece.match(ARABIC_SCRIPT_LETTER)?.length ?? 0;
    latin += piece.match(LATIN_LETTER)?.length ?? 0;
  };
  for (const finding of inTextOrder(findings)) {
    count(position, Math.min(finding.start, text.length));
    position = Math.max(position, finding.end);
  }
  count(position, text.length);
  return latin > persian ? 'en' : 'fa';
}

/** A redacted text and where each mask now stands in it (`text.slice(start, end)` is the mask). */
export interface RedactedText {
  text: string;
  masks: PiiFinding[];
}

/**
 * Replaces each finding with its typed mask (PII_MASKS) and leaves every other UTF-16 unit of the
 * text as it was, in order: the text before, between and after the findings is copied unchanged.
 * `findings` are offsets into `text` as detectPii gives them; they are taken in text order, and a
 * finding that overlaps an earlier one is folded into that one's mask, so no part of either shows.
 * The masks' language is the text's own (maskLanguageOf) unless one is given.
 */
export function redactPii(
  text: string,
  findings: readonly PiiFinding[],
  language: MaskLanguage = maskLanguageOf(text, findings),
): RedactedText {
  if (!findings.length) return { text, masks: [] };
  const masks: PiiFinding[] = [];
  let redacted = '';
  let position = 0;
  for (const finding of inTextOrder(findings)) {
    const start = Math.max(0, Math.min(finding.start, text.length));
    const end = Math.min(finding.end, text.length);
    if (end <= position || end <= start) continue;
    if (start < position) {
      // Overlaps the finding before it: what it adds is covered by that one's mask.
      position = end;
      continue;
    }
    redacted += text.slice(position, start);
    const mask = PII_MASKS[language][finding.type];
    masks.push({ type: finding.type, start: redacted.length, end: redacted.length + mask.length });
    redacted += mask;
    position = end;
  }
  return { text: redacted + text.slice(position), masks };
}

/** A text redacted by its own findings. */
export interface PiiRedaction extends RedactedText {
  /** The findings in the text as it was given (offsets into the original, not the redacted text). */
  findings: PiiFinding[];
  language: MaskLanguage;
}

/** Finds the personal data in `text` (detectPii) and replaces each finding with its typed mask. */
export function redact(text: string): PiiRedaction {
  const { findings } = detectPii(text);
  const language = maskLanguageOf(text, findings);
  return { ...redactPii(text, findings, language), findings, language };
}

function inTextOrder(findings: readonly PiiFinding[]): readonly PiiFinding[] {
  for (let i = 1; i < findings.length; i++)
    if (findings[i].start < findings[i - 1].start) return [...findings].sort((a, b) => a.start - b.start);
  return findings;
}
