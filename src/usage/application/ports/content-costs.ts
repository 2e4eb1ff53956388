import type { Money } from '#libs/ddd';

/** What the usage records of given contents cost, summed in SQL. */
export abstract class ContentCosts {
  /**
   * Per content id, the cost of every usage record of the organization that names it (every
   * generation's calls, retries and rejected rounds included); ids without records are left out.
   */
  abstract costOf(organizationId: string, contentIds: readonly string[]): Promise<Map<string, Money>>;
}
