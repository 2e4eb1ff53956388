import { Injectable } from '@nestjs/common';
import { ListMyOrganizationsUseCase } from '../../../accounts';
import { ReviewerOrganizations } from '../../application/ports/reviewer-organizations';

/** Asks the accounts context, through its exported use case, which organizations the user is ADMIN of now. */
@Injectable()
export class InProcessReviewerOrganizations extends ReviewerOrganizations {
  constructor(private readonly organizations: ListMyOrganizationsUseCase) {
    super();
  }

  async adminOrganizationIdsOf(userId: string): Promise<string[]> {
    const memberships = await this.organizations.execute({ userId });
    return memberships.filter((organization) => organization.role === 'ADMIN').map((organization) => organization.id);
  }
}
