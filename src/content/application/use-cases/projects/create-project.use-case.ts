import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
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

  /** The access guard has checked that the workspace belongs to `access.organizationId`. */
  async execute(actor: Actor, access: OrganizationAccess, input: CreateProjectInput): Promise<ProjectState> {
    const project = Project.create({
      id: randomUUID(),
      organizationId: access.organizationId,
      ...input,
      createdBy: actor.userId,
      now: this.clock.now(),
    });
    await this.projects.add(project);
    return project.snapshot();
  }
}
