import { Injectable } from '@nestjs/common';
import { NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { assertKeepsAnAdmin } from '../../domain/membership-rules';
import { AuditLog } from '../ports/audit-log';
import { MembershipRepository } from '../ports/membership.repository';

/** The removal and its audit entry commit together or not at all. */
@Injectable()
export class RemoveMemberUseCase {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  execute(actor: Actor, organizationId: string, userId: string): Promise<void> {
    return this.uow.run(async () => {
      const previous = await this.memberships.update(organizationId, userId, (current, adminCount) => {
        assertKeepsAnAdmin(current, 'REMOVED', adminCount);
        return 'REMOVED';
      });
      if (!previous) throw new NotFoundError('Member');
      await this.audit.record({
        action: 'member.removed',
        actorId: actor.userId,
        organizationId,
        targetType: 'user',
        targetId: userId,
        metadata: { role: previous },
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
  }
}
