import { Injectable } from '@nestjs/common';
import { NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { TwoFactorEnrolmentRequiredError } from '../../domain/two-factor';
import { AuditLog } from '../ports/audit-log';
import { OrganizationRepository, type OrganizationView } from '../ports/organization.repository';
import { TwoFactorRepository } from './two-factor-ports';

/**
 * Turns the organization's "ADMINs need a second factor" rule on or off. Only an admin who has an
 * authenticator may turn it on, so that the rule never locks out the one who sets it; other admins
 * keep their role and are asked to enrol at their next sensitive action.
 */
@Injectable()
export class SetOrganizationTwoFactorUseCase {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly enrolments: TwoFactorRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    actor: Actor,
    organizationId: string,
    input: { requireAdminTwoFactor: boolean },
  ): Promise<OrganizationView> {
    if (input.requireAdminTwoFactor) {
      const enrolment = await this.enrolments.findForUser(actor.userId);
      if (!enrolment?.confirmedAt) throw new TwoFactorEnrolmentRequiredError();
    }
    await this.uow.run(async () => {
      const changed = await this.organizations.setRequireAdminTwoFactor(organizationId, input.requireAdminTwoFactor);
      if (!changed) return;
      await this.audit.record({
        action: 'organization.two_factor_changed',
        actorId: actor.userId,
        organizationId,
        targetType: 'organization',
        targetId: organizationId,
        metadata: { requireAdminTwoFactor: input.requireAdminTwoFactor },
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
    const organization = await this.organizations.findForMember(organizationId, actor.userId);
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }
}
