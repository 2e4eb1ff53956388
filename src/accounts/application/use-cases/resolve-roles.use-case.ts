import { Injectable } from '@nestjs/common';
import type { Role } from '../../domain/role';
import { MembershipRepository } from '../ports/membership.repository';

/**
 * Every organization the caller belongs to, with their role in each. The access guard asks it
 * while it looks up which organization owns the addressed resource, so that the two reads cost one
 * round trip of waiting instead of two, and a role change still counts on the very next request.
 */
@Injectable()
export class ResolveRolesUseCase {
  constructor(private readonly memberships: MembershipRepository) {}

  execute(userId: string): Promise<ReadonlyMap<string, Role>> {
    return this.memberships.rolesOf(userId);
  }
}
