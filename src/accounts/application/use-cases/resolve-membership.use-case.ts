import { Injectable } from '@nestjs/common';
import type { Role } from '../../domain/role';
import { MembershipRepository } from '../ports/membership.repository';

/** The caller's role in an organization, or undefined for outsiders. Open event streams ask it again as they run. */
@Injectable()
export class ResolveMembershipUseCase {
  constructor(private readonly memberships: MembershipRepository) {}

  execute(userId: string, organizationId: string): Promise<Role | undefined> {
    return this.memberships.findRole(organizationId, userId);
  }
}
