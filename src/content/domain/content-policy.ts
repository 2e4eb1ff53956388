import { FieldInvalidError, type Money } from '#libs/ddd';
import type { GenerationPolicy } from './content';

/** An organization's rules for what its contents may send to the model, and how they leave Contexor. */
export interface ContentPolicy extends GenerationPolicy {
  organizationId: string;
  /** Every export of the organization's contents has its personal data masked, whatever the request asks. */
  redactPiiInExports: boolean;
  /** The ADMIN who wrote or generated the version under review may approve it (false: another ADMIN must). */
  allowSelfApproval: boolean;
  /** A generation whose worst case (all prompt tokens uncached plus its completion cap) costs more is refused (402 GENERATION_COST_CEILING); null = no ceiling. */
  maxCostPerGenerationUsd: Money | null;
  /** The only models contents may generate with (400 MODEL_NOT_ALLOWED); null = any (an empty list is stored as null). */
  allowedModels: string[] | null;
  /** Null until an admin first sets the policy (the defaults apply). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export function defaultContentPolicy(organizationId: string): ContentPolicy {
  return {
    organizationId,
    blockPromptsWithPii: false,
    redactPiiInExports: false,
    allowSelfApproval: false,
    maxCostPerGenerationUsd: null,
    allowedModels: null,
    updatedAt: null,
    updatedBy: null,
  };
}

/** At most this many models in an allow-list, each at most MODEL_ID_MAX characters. */
export const ALLOWED_MODELS_MAX = 50;
export const MODEL_ID_MAX = 100;

/** The allow-list as stored: trimmed, without repeats, null when empty (any model). */
export function normaliseAllowedModels(models: readonly string[] | null): string[] | null {
  if (models === null) return null;
  const unique = [...new Set(models.map((model) => model.trim()))];
  if (unique.some((model) => !model || model.length > MODEL_ID_MAX))
    throw new FieldInvalidError('allowedModels', `allowedModels holds model ids of 1 to ${MODEL_ID_MAX} characters`);
  if (unique.length > ALLOWED_MODELS_MAX)
    throw new FieldInvalidError('allowedModels', `allowedModels holds at most ${ALLOWED_MODELS_MAX} models`);
  return unique.length ? unique : null;
}
