const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * The text with Persian (۰–۹) and Arabic-Indic (٠–٩) digits replaced by Latin ones. Every such digit
 * is one UTF-16 unit, as is its Latin form, so an index into the shadow is the same index into the
 * original: patterns run on the shadow and report offsets of the original.
 */
export function latinShadow(text: string): string {
  let shadow = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let digit = -1;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) digit = code - PERSIAN_ZERO;
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) digit = code - ARABIC_INDIC_ZERO;
    if (digit < 0) continue;
    shadow += text.slice(copiedUpTo, i) + String(digit);
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : shadow + text.slice(copiedUpTo);
}

/** Only the digits of `text` (already Latin), in order. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
