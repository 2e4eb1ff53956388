/**
 * What the ai context needs to know about a model name: how its output cap is spelled, whether it
 * accepts a temperature, how its tokens are counted and how long its answers may be.
 * Anything not listed is treated as a generic OpenAI-compatible chat model.
 */
export interface ModelProfile {
  /** o-series and gpt-5 reasoning models: `max_completion_tokens` only, and no `temperature`. */
  reasoning: boolean;
  /** True when the o200k_base encoding is this model's own; otherwise counts are an estimate. */
  o200k: boolean;
  /** The provider's cap on completion tokens, used as the worst case when a content sets none. */
  maxOutputTokens: number;
}

interface Family {
  pattern: RegExp;
  profile: ModelProfile;
}

// Longest prefixes first: `gpt-4o` must not match `gpt-4`.
const FAMILIES: Family[] = [
  { pattern: /^gpt-5/, profile: { reasoning: true, o200k: true, maxOutputTokens: 128_000 } },
  { pattern: /^o[134](-|$)/, profile: { reasoning: true, o200k: true, maxOutputTokens: 100_000 } },
  { pattern: /^gpt-4\.1/, profile: { reasoning: false, o200k: true, maxOutputTokens: 32_768 } },
  { pattern: /^(chatgpt-|gpt-)4o/, profile: { reasoning: false, o200k: true, maxOutputTokens: 16_384 } },
];

const GENERIC: ModelProfile = { reasoning: false, o200k: false, maxOutputTokens: 16_384 };

export function profileOf(model: string): ModelProfile {
  const name = model.trim().toLowerCase();
  return FAMILIES.find((family) => family.pattern.test(name))?.profile ?? GENERIC;
}
