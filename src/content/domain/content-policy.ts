import type { GenerationPolicy } from './content';

/** An organization's rules for what its contents may send to the model. */
export interface ContentPolicy extends GenerationPolicy {
  organizationId: string;
  /** Null until an admin first sets the policy (the defaults apply). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export function defaultContentPolicy(organizationId: string): ContentPolicy {
  return { organizationId, blockPromptsWithPii: false, updatedAt: null, updatedBy: null };
}
