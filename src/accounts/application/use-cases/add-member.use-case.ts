import { Injectable } from '@nestjs/common';
import { NotFoundError, Phone, type Actor } from '#libs/ddd';
import type { Role } from '../../domain/role';
import { AuditLog } from '../ports/audit-log';
import { MembershipRepository, type MemberView } from '../ports/membership.repository';
import { UserRepository } from '../ports/user.repository';

/** Invites by phone: a phone with no account yet gets one, which its owner claims by signing in. */
@Injectable()
export class AddMemberUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, organizationId: string, input: { phone: string; role: Role }): Promise<MemberView> {
    const phone = Phone.parse(input.phone);
    const { user, created } = await this.users.findOrCreateByPhone(phone);
    await this.memberships.add(organizationId, user.id, input.role);
    await this.audit.record({
      action: 'member.added',
      actorId: actor.userId,
      organizationId,
      targetType: 'user',
      targetId: user.id,
      metadata: { role: input.role, newUser: created },
      requestId: actor.requestId,
      ip: actor.ip,
    });
    const member = await this.memberships.findMember(organizationId, user.id);
    if (!member) throw new NotFoundError('Member');
    return member;
  }
}
