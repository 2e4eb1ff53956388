import type { Role } from '../../domain/role';

export interface MemberView {
  userId: string;
  phone: string;
  /** Null until the member has signed in since being added (see status). */
  name: string | null;
  role: Role;
  /** `invited` until the member signs in after being added. */
  status: 'invited' | 'active';
  joinedAt: Date;
}

/** The organization that owns an addressed resource, and the caller's role there (undefined: not a member). */
export interface OwnerRole {
  organizationId: string;
  role: Role | undefined;
}

/** Decides a member's next role from the current one and the organization's ADMIN count. */
export type MembershipDecision = (currentRole: Role, adminCount: number) => Role | 'REMOVED';

export abstract class MembershipRepository {
  abstract findRole(organizationId: string, userId: string): Promise<Role | undefined>;
  /**
   * The organization that owns `resource` `resourceId` (a kind registered with ResourceOwners) and the
   * user's role in it, read together; undefined when no such resource exists.
   */
  abstract findRoleInOwnerOf(resource: string, resourceId: string, userId: string): Promise<OwnerRole | undefined>;
  abstract listMembers(organizationId: string): Promise<MemberView[]>;
  abstract findMember(organizationId: string, userId: string): Promise<MemberView | undefined>;
  /** Throws MemberExistsError when the user already belongs to the organization. */
  abstract add(organizationId: string, userId: string, role: Role): Promise<void>;
  /**
   * Applies `decide` to the membership under a lock on the organization's ADMIN rows, so that two
   * concurrent demotions can never leave the organization without an ADMIN. Returns the previous
   * role, or undefined when the user is not a member.
   */
  /** The user signed in: their pending memberships become active (and their name visible there). */
  abstract acceptInvitations(userId: string): Promise<void>;
  abstract update(organizationId: string, userId: string, decide: MembershipDecision): Promise<Role | undefined>;
}
