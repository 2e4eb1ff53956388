/** The kinds of personal data the detector recognises (the contract's names). */
export const PII_TYPES = [
  'IR_NATIONAL_ID',
  'IR_PHONE',
  'IR_LANDLINE',
  'EMAIL',
  'IBAN_IR',
  'CARD_NUMBER',
  'CREDIT_CARD',
  'IR_POSTAL_CODE',
  'IP_ADDRESS',
] as const;

export type PiiType = (typeof PII_TYPES)[number];

/** `text.slice(start, end)` is the finding: offsets are JavaScript string (UTF-16) indices. */
export interface PiiFinding {
  type: PiiType;
  start: number;
  end: number;
}

export interface PiiScan {
  found: boolean;
  findings: PiiFinding[];
}

export const NO_PII: PiiScan = Object.freeze({ found: false, findings: [] }) as PiiScan;
