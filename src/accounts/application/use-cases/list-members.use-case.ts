import { Injectable } from '@nestjs/common';
import { MembershipRepository, type MemberView } from '../ports/membership.repository';

@Injectable()
export class ListMembersUseCase {
  constructor(private readonly memberships: MembershipRepository) {}

  execute(organizationId: string): Promise<MemberView[]> {
    return this.memberships.listMembers(organizationId);
  }
}
