import type { GenerationPolicy } from './content';

/** An organization's rules for what its contents may send to the model, and how they leave Contexor. */
export interface ContentPolicy extends GenerationPolicy {
  organizationId: string;
  /** Every export of the organization's contents has its personal data masked, whatever the request asks. */
  redactPiiInExports: boolean;
  /** The ADMIN who wrote or generated the version under review may approve it (false: another ADMIN must). */
  allowSelfApproval: boolean;
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
    updatedAt: null,
    updatedBy: null,
  };
}
