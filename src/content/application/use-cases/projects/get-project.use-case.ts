import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import type { ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

@Injectable()
export class GetProjectUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(access: OrganizationAccess, projectId: string): Promise<ProjectState> {
    const project = await this.projects.findByIdInOrganization(access.organizationId, projectId);
    if (!project) throw new NotFoundError('Project');
    return project.snapshot();
  }
}
