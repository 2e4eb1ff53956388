import type { Project } from '../../domain/project';

export abstract class ProjectRepository {
  abstract add(project: Project): Promise<void>;
  abstract findByIdInOrganization(organizationId: string, projectId: string): Promise<Project | undefined>;
  /** Newest first. */
  abstract listForWorkspace(organizationId: string, workspaceId: string): Promise<Project[]>;
  abstract save(project: Project): Promise<void>;
  /**
   * Deletes the project with its contents and their versions, in one transaction that first locks
   * the project and its contents and passes their statuses to `check` (which throws to refuse).
   * Returns false when the project does not exist in the organization.
   */
  abstract delete(
    organizationId: string,
    projectId: string,
    check: (contents: { id: string; status: string }[]) => void,
  ): Promise<boolean>;
}
