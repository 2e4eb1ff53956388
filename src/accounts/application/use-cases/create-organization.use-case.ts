import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { OrganizationRepository, type OrganizationView } from '../ports/organization.repository';

@Injectable()
export class CreateOrganizationUseCase {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  /** The organization, its first ADMIN and the audit entry commit together or not at all. */
  execute(actor: Actor, input: { name: string }): Promise<OrganizationView> {
    return this.uow.run(async () => {
      const organization = await this.organizations.createWithAdmin(input.name.trim(), actor.userId);
      await this.audit.record({
        action: 'organization.created',
        actorId: actor.userId,
        organizationId: organization.id,
        targetType: 'organization',
        targetId: organization.id,
        metadata: { name: organization.name },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      return organization;
    });
  }
}
