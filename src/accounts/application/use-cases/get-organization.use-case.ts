import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '#libs/ddd';
import { OrganizationRepository, type OrganizationView } from '../ports/organization.repository';

@Injectable()
export class GetOrganizationUseCase {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(actor: Actor, organizationId: string): Promise<OrganizationView> {
    const organization = await this.organizations.findForMember(organizationId, actor.userId);
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }
}
