import { Project } from '../../domain/project';
import type { ProjectEntity } from './project.entity';

export const ProjectMapper = {
  toDomain(row: ProjectEntity): Project {
    return Project.restore({
      id: row.id,
      organizationId: row.organizationId,
      workspaceId: row.workspaceId,
      name: row.name,
      description: row.description,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  },
  toPersistence(project: Project): ProjectEntity {
    return { ...project.snapshot() };
  },
};
