export { detectPii } from './pii-detector';
export { NO_PII, PII_TYPES, type PiiFinding, type PiiScan, type PiiType } from './pii-finding';
export {
  maskLanguageOf,
  PII_MASKS,
  redact,
  redactPii,
  type MaskLanguage,
  type PiiRedaction,
  type RedactedText,
} from './pii-redaction';
