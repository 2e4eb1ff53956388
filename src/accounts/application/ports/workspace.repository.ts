export interface WorkspaceView {
  id: string;
  organizationId: string;
  name: string;
  createdAt: Date;
}

export abstract class WorkspaceRepository {
  /** Throws WorkspaceNameTakenError when the organization already has a workspace with this name. */
  abstract create(organizationId: string, name: string): Promise<WorkspaceView>;
  abstract listForOrganization(organizationId: string): Promise<WorkspaceView[]>;
}
