/**
 * Words that, shortly before a number, say what it is. Matched on the text before the number with
 * Arabic ي/ك, the zero-width non-joiner and case folded away, so "کد‌پستی", "كد پستي" and
 * "Postal Code" all count.
 */
const POSTAL = /(کد ?پستی|کدپستی|ک\.پ|postal ?code|post ?code|zip ?code|\bzip\b|\bpostcode\b)/;
const PHONE = /(موبایل|همراه|تلفن|شماره ?تماس|تماس|واتس ?اپ|تلگرام|mobile|phone|cell|call|tel\b|whatsapp|sms|پیامک)/;
const SHEBA = /(شبا|sheba|shaba|iban)/;
const NATIONAL_ID = /(کد ?ملی|شماره ?ملی|national ?(id|code|number)|melli ?code|کارت ملی)/;
/** Numbers that are references, not people: an ID-shaped order number is still an order number. */
const REFERENCE =
  /(سفارش|پیگیری|رهگیری|فاکتور|صورتحساب|مرسوله|تراکنش|ارجاع|بلیت|بلیط|تیکت|سریال|شابک|order|tracking|track|invoice|receipt|reference|ref\b|ticket|serial|transaction|isbn|sku|shipment|booking)/;
const VERSION = /(\bv|version|ver\.?|نسخه|ورژن|build)\s*$/;
const CURRENCY_AFTER = /^\s*(ریال|تومان|تومن|دلار|یورو|درهم|rial|toman|usd|eur|\$|€)/;

function folded(text: string): string {
  return text
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\u200c|\u200d|\u200e|\u200f/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The `window` characters before `start`, folded. */
function before(text: string, start: number, window: number): string {
  return folded(text.slice(Math.max(0, start - window), start));
}

export const context = {
  isPostal: (text: string, start: number) => POSTAL.test(before(text, start, 30)),
  isPhone: (text: string, start: number) => PHONE.test(before(text, start, 30)),
  isSheba: (text: string, start: number) => SHEBA.test(before(text, start, 30)),
  isNationalId: (text: string, start: number) => NATIONAL_ID.test(before(text, start, 20)),
  isReference: (text: string, start: number) => REFERENCE.test(before(text, start, 30)),
  isVersion: (text: string, start: number) => VERSION.test(before(text, start, 12)),
  isMoney: (text: string, end: number) => CURRENCY_AFTER.test(folded(text.slice(end, end + 12))),
};
