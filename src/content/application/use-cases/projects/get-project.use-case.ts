import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import type { ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

@Injectable()
export class GetProjectUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(caller: Caller, projectId: string): Promise<ProjectState> {
    const project = await this.projects.findByIdInOrganization(caller.organizationId, projectId);
    if (!project) throw new NotFoundError('Project');
    return project.snapshot();
  }
}
