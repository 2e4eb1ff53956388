/**
 * Issuer prefixes (BINs) of Iranian banks' Shetab debit cards. A Luhn-valid 16-digit number with
 * one of these is a CARD_NUMBER; international networks' numbers are CREDIT_CARDs.
 */
const IRANIAN_BINS = new Set([
  '603799', // Melli
  '589210', // Sepah
  '627648', // Tose'e Saderat
  '207177', // Tose'e Saderat (new)
  '627961', // Sanat va Madan
  '603770', // Keshavarzi
  '639217', // Keshavarzi
  '628023', // Maskan
  '627760', // Post Bank
  '502908', // Tose'e Ta'avon
  '627412', // Eghtesad Novin
  '622106', // Parsian
  '639194', // Parsian
  '627884', // Parsian
  '502229', // Pasargad
  '639347', // Pasargad
  '627488', // Karafarin
  '502910', // Karafarin
  '621986', // Saman
  '639346', // Sina
  '639607', // Sarmayeh
  '636214', // Ayandeh
  '502806', // Shahr
  '504706', // Shahr
  '502938', // Dey
  '603769', // Saderat
  '610433', // Mellat
  '991975', // Mellat
  '627353', // Tejarat
  '585983', // Tejarat
  '589463', // Refah
  '627381', // Ansar
  '505785', // Iran Zamin
  '636949', // Hekmat Iranian
  '505416', // Gardeshgari
  '606373', // Mehr Iran (Qarz al-Hasaneh)
  '628157', // Etebari Tose'e
  '505801', // Kosar
  '639370', // Mehr Eqtesad
  '507677', // Noor
  '639599', // Ghavamin
  '504172', // Resalat
  '606256', // Melal
  '585947', // Khavarmianeh
  '581874', // Iran-Venezuela
  '636795', // Central Bank
  '627593', // Iran Zamin
  '505809', // Khavarmianeh
  '585949', // Khavarmianeh
]);

export function isIranianCardBin(digits: string): boolean {
  return IRANIAN_BINS.has(digits.slice(0, 6));
}

/**
 * The network of a card number by prefix and length: `common` for the cards people in Iran use abroad and
 * online (Visa and Mastercard, 16 digits; American Express, 15), `other` for Discover, JCB, UnionPay,
 * Diners and Visa's rare 13 and 19 digits, whose prefixes and lengths many other numbers share.
 */
export function cardNetworkOf(digits: string): 'common' | 'other' | undefined {
  const length = digits.length;
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return length === 16 ? 'common' : length === 13 || length === 19 ? 'other' : undefined;
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return length === 16 ? 'common' : undefined;
  if (two === 34 || two === 37) return length === 15 ? 'common' : undefined;
  if (digits.startsWith('6011') || digits.startsWith('65') || (four >= 6440 && four <= 6499))
    return length === 16 || length === 19 ? 'other' : undefined;
  if (four >= 3528 && four <= 3589) return length >= 16 && length <= 19 ? 'other' : undefined;
  if (digits.startsWith('62')) return length >= 16 && length <= 19 ? 'other' : undefined;
  if (two === 36 || two === 38 || two === 39 || (four >= 3000 && four <= 3059))
    return length === 14 ? 'other' : undefined;
  return undefined;
}
