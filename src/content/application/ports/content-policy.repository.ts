import type { ContentPolicy } from '../../domain/content-policy';

export abstract class ContentPolicyRepository {
  /** The organization's policy, or the defaults when none was ever set. */
  abstract find(organizationId: string): Promise<ContentPolicy>;
  /** Stores the policy and returns the one it replaced. */
  abstract save(policy: ContentPolicy): Promise<ContentPolicy>;
}
