import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
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

  async execute(caller: Caller, projectId: string, input: UpdateProjectInput): Promise<ProjectState> {
    const project = await this.projects.findByIdInOrganization(caller.organizationId, projectId);
    if (!project) throw new NotFoundError('Project');
    project.revise(input, this.clock.now());
    await this.projects.save(project);
    return project.snapshot();
  }
}
