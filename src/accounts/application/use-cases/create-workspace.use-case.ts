import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { WorkspaceRepository, type WorkspaceView } from '../ports/workspace.repository';

@Injectable()
export class CreateWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  /** The workspace and its audit entry commit together or not at all. */
  execute(actor: Actor, organizationId: string, input: { name: string }): Promise<WorkspaceView> {
    return this.uow.run(async () => {
      const workspace = await this.workspaces.create(organizationId, input.name.trim());
      await this.audit.record({
        action: 'workspace.created',
        actorId: actor.userId,
        organizationId,
        targetType: 'workspace',
        targetId: workspace.id,
        metadata: { name: workspace.name },
        requestId: actor.requestId,
        ip: actor.ip,
      });
      return workspace;
    });
  }
}
