/** کد ملی: ten digits whose last is the check digit of the first nine (mod 11); repeated digits are never issued. */
export function isValidIranianNationalId(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(digits[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}

/** The Luhn check of card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * An Iranian IBAN (شبا): `IR` + 2 check digits + 22 digits, valid when the ISO 13616 mod-97 of the
 * rearranged number (BBAN, then I=18 R=27, then the check digits) is 1. `digits` are the 24 after `IR`.
 */
export function isValidIranianIban(digits: string): boolean {
  if (!/^\d{24}$/.test(digits)) return false;
  const rearranged = `${digits.slice(2)}1827${digits.slice(0, 2)}`;
  let remainder = 0;
  // Chunks of 7 digits keep the running number far below 2^53.
  for (let i = 0; i < rearranged.length; i += 7) remainder = Number(`${remainder}${rearranged.slice(i, i + 7)}`) % 97;
  return remainder === 1;
}
