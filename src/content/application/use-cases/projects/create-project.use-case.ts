import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type Caller } from '#libs/ddd';
import { Project, type ProjectState } from '../../../domain/project';
import { ProjectRepository } from '../../ports/project.repository';

export interface CreateProjectInput {
  workspaceId: string;
  name: string;
  description?: string | null;
}

@Injectable()
export class CreateProjectUseCase {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller guard has checked that the workspace belongs to `caller.organizationId`. */
  async execute(caller: Caller, input: CreateProjectInput): Promise<ProjectState> {
    const project = Project.create({
      id: randomUUID(),
      organizationId: caller.organizationId,
      ...input,
      createdBy: caller.userId,
      now: this.clock.now(),
    });
    await this.projects.add(project);
    return project.snapshot();
  }
}
