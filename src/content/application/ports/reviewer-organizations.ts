/**
 * The organizations whose contents a user reviews: those where they are ADMIN now. Membership is the
 * accounts context's; this port asks it (read afresh on every call: a demoted ADMIN reviews nothing
 * from the next request on).
 */
export abstract class ReviewerOrganizations {
  abstract adminOrganizationIdsOf(userId: string): Promise<string[]>;
}
