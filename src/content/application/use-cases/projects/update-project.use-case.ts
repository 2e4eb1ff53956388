import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import type { ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

export interface UpdateProjectInput {
  name?: string;
  /** null clears the description. */
  description?: string | null;
}

@Injectable()
export class UpdateProjectUseCase {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly clock: Clock,
  ) {}

  async execute(access: OrganizationAccess, projectId: string, input: UpdateProjectInput): Promise<ProjectState> {
    const project = await this.projects.findByIdInOrganization(access.organizationId, projectId);
    if (!project) throw new NotFoundError('Project');
    project.revise(input, this.clock.now());
    await this.projects.save(project);
    return project.snapshot();
  }
}
