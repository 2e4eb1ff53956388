export { detectPii } from './pii-detector';
export { NO_PII, PII_TYPES, type PiiFinding, type PiiScan, type PiiType } from './pii-finding';
