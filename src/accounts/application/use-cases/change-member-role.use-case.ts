import { Injectable } from '@nestjs/common';
import { NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { assertKeepsAnAdmin } from '../../domain/membership-rules';
import type { Role } from '../../domain/role';
import { AuditLog } from '../ports/audit-log';
import { MembershipRepository, type MemberView } from '../ports/membership.repository';

/** A real change of role and its audit entry commit together or not at all. */
@Injectable()
export class ChangeMemberRoleUseCase {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  execute(actor: Actor, organizationId: string, userId: string, role: Role): Promise<MemberView> {
    return this.uow.run(async () => {
      const previous = await this.memberships.update(organizationId, userId, (current, adminCount) => {
        assertKeepsAnAdmin(current, role, adminCount);
        return role;
      });
      if (!previous) throw new NotFoundError('Member');
      if (previous !== role) {
        await this.audit.record({
          action: 'member.role_changed',
          actorId: actor.userId,
          organizationId,
          targetType: 'user',
          targetId: userId,
          metadata: { from: previous, to: role },
          requestId: actor.requestId,
          ip: actor.ip,
        });
      }
      const member = await this.memberships.findMember(organizationId, userId);
      if (!member) throw new NotFoundError('Member');
      return member;
    });
  }
}
