import { Injectable } from '@nestjs/common';
import { MembershipRepository, type OwnerRole } from '../ports/membership.repository';

/**
 * The organization that owns an addressed resource and the caller's role in it, in one statement:
 * the access guard's whole question. The role is read on every request, so a role change counts on
 * the very next one.
 */
@Injectable()
export class ResolveAccessUseCase {
  constructor(private readonly memberships: MembershipRepository) {}

  execute(userId: string, resource: string, resourceId: string): Promise<OwnerRole | undefined> {
    return this.memberships.findRoleInOwnerOf(resource, resourceId, userId);
  }
}
