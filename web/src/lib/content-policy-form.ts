import { toLatinDigits } from '@/lib/format';

/** The allow-list as typed (one model per line or comma-separated) → the API's list; empty → null (any model). */
export function parseAllowedModels(text: string): string[] | null {
  const models = [...new Set(text.split(/[\n,،]/).map((model) => model.trim()).filter(Boolean))];
  return models.length ? models : null;
}

/** The ceiling as typed (any digit script, `٫` or `.`) → the API's decimal string; empty → null (no ceiling); undefined when malformed. */
export function parseCeiling(text: string): string | null | undefined {
  const value = toLatinDigits(text.trim()).replace('٫', '.');
  if (!value) return null;
  return /^\d{1,12}(?:\.\d{1,6})?$/.test(value) ? value : undefined;
}
