import { Injectable } from '@nestjs/common';
import { WorkspaceRepository, type WorkspaceView } from '../ports/workspace.repository';

@Injectable()
export class ListWorkspacesUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  execute(organizationId: string): Promise<WorkspaceView[]> {
    return this.workspaces.listForOrganization(organizationId);
  }
}
