import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { WorkspaceRepository, type WorkspaceView } from '../ports/workspace.repository';

@Injectable()
export class CreateWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, organizationId: string, input: { name: string }): Promise<WorkspaceView> {
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
  }
}
