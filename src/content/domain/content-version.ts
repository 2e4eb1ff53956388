import { createHash } from 'node:crypto';
import { FieldInvalidError, Money } from '#libs/ddd';
import type { VersionSource } from './content-status';

/** Tokens and cost of the OpenAI call that wrote a version. `costUsd` is the contract's decimal string. */
export interface GenerationUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  totalTokens: number;
  costUsd: string;
}

/** The highest version number there can be: numbers are stored as a 32-bit integer. */
export const MAX_VERSION_NUMBER = 2_147_483_647;

/** One kept state of a content's body, numbered 1..n per content. Versions are never changed. */
export interface ContentVersion {
  number: number;
  source: VersionSource;
  body: string;
  /** The model that wrote the text: set for "ai", copied onto "approval", null for "manual". */
  model: string | null;
  usage: GenerationUsage | null;
  /** The generation job that wrote an "ai" version; makes a repeated completion detectable. */
  generationJobId: string | null;
  /** Who wrote the text: the manual author, the requester of the generation, the approver, or who restored it. */
  createdBy: string;
  createdAt: Date;
  /** Only on a "restore" version: the number of the earlier version whose text it brings back. */
  restoredFrom?: number;
  /** Only on an "approval" version: the number of the version the reviewer read and approved. */
  approvedVersion?: number;
  /** Only on an "approval" version: SHA-256 (lowercase hex) of the approved body, as UTF-8. */
  bodySha256?: string;
}

/** SHA-256 of a body as UTF-8, in lowercase hex: what an approval records of the text it approved. */
export function bodySha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Checks token counts are whole and non-negative and writes the cost with six decimals. */
export function normaliseUsage(usage: GenerationUsage | null): GenerationUsage | null {
  if (!usage) return null;
  for (const field of ['promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens'] as const) {
    const value = usage[field];
    if (!Number.isSafeInteger(value) || value < 0)
      throw new FieldInvalidError(`usage.${field}`, `usage.${field} must be a whole number ≥ 0`);
  }
  return {
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    cachedTokens: usage.cachedTokens,
    totalTokens: usage.totalTokens,
    costUsd: Money.parse(usage.costUsd).toDecimalString(),
  };
}
