import { Injectable } from '@nestjs/common';
import { NotFoundError, Phone, UnitOfWork, type Actor } from '#libs/ddd';
import type { Role } from '../../domain/role';
import { AuditLog } from '../ports/audit-log';
import { MembershipRepository, type MemberView } from '../ports/membership.repository';
import { UserRepository } from '../ports/user.repository';

/**
 * Invites by phone: a phone with no account yet gets one, which its owner claims by signing in. The
 * account, the membership and the audit entry commit together or not at all.
 */
@Injectable()
export class AddMemberUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string, input: { phone: string; role: Role }): Promise<MemberView> {
    const phone = Phone.parse(input.phone);
    return this.uow.run(async () => {
      const { user } = await this.users.findOrCreateByPhone(phone);
      await this.memberships.add(organizationId, user.id, input.role);
      await this.audit.record({
        action: 'member.added',
        actorId: actor.userId,
        organizationId,
        targetType: 'user',
        targetId: user.id,
        metadata: { role: input.role },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      const member = await this.memberships.findMember(organizationId, user.id);
      if (!member) throw new NotFoundError('Member');
      return member;
    });
  }
}
