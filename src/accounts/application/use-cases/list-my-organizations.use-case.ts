import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { OrganizationRepository, type OrganizationView } from '../ports/organization.repository';

@Injectable()
export class ListMyOrganizationsUseCase {
  constructor(private readonly organizations: OrganizationRepository) {}

  execute(actor: Actor): Promise<OrganizationView[]> {
    return this.organizations.listForMember(actor.userId);
  }
}
