import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { UnauthenticatedError } from '../../domain/accounts.errors';
import type { User } from '../../domain/user';
import { OrganizationRepository, type OrganizationView } from '../ports/organization.repository';
import { UserRepository } from '../ports/user.repository';

export interface Me {
  user: User;
  organizations: OrganizationView[];
}

@Injectable()
export class GetMeUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async execute(actor: Actor): Promise<Me> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new UnauthenticatedError();
    return { user, organizations: await this.organizations.listForMember(user.id) };
  }
}
