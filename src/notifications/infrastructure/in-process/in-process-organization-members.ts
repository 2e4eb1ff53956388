import { Injectable } from '@nestjs/common';
import { ListMembersUseCase } from '../../../accounts';
import { OrganizationMembers } from '../../application/in-app/notification-ports';
import type { Recipient } from '../../domain/in-app/notification-rules';

/** The organization's members as the accounts context lists them. */
@Injectable()
export class AccountsOrganizationMembers extends OrganizationMembers {
  constructor(private readonly listMembers: ListMembersUseCase) {
    super();
  }

  async of(organizationId: string): Promise<Recipient[]> {
    const members = await this.listMembers.execute(organizationId);
    return members.map(({ userId, phone, role }) => ({ userId, phone, role }));
  }
}
