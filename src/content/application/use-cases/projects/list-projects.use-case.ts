import type { Caller } from '#libs/ddd';
import { Injectable } from '@nestjs/common';
import type { ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

@Injectable()
export class ListProjectsUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(caller: Caller, workspaceId: string): Promise<ProjectState[]> {
    return (await this.projects.listForWorkspace(caller.organizationId, workspaceId)).map((project) =>
      project.snapshot(),
    );
  }
}
