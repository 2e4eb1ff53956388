import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { assertProjectDeletable } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

/** Deletes the project with all its contents and versions (409 CONTENT_BUSY while one is being generated). */
@Injectable()
export class DeleteProjectUseCase {
  constructor(private readonly projects: ProjectRepository) {}

  async execute(caller: Caller, projectId: string): Promise<void> {
    const deleted = await this.projects.delete(caller.organizationId, projectId, assertProjectDeletable);
    if (!deleted) throw new NotFoundError('Project');
  }
}
