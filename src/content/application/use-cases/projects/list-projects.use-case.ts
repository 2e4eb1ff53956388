import { Injectable } from '@nestjs/common';
import type { OrganizationAccess } from '../../../../accounts';
import type { ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

@Injectable()
export class ListProjectsUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(access: OrganizationAccess, workspaceId: string): Promise<ProjectState[]> {
    return (await this.projects.listForWorkspace(access.organizationId, workspaceId)).map((project) =>
      project.snapshot(),
    );
  }
}
