import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OwnerQuery } from '../../../accounts';
import { ProjectRepository } from '../../application/ports/project.repository';
import type { Project } from '../../domain/project';
import { ProjectEntity } from './project.entity';
import { ProjectMapper } from './project.mapper';

/** The organization of a project, for the access guard (see ResourceOwners). */
export const PROJECT_OWNER: OwnerQuery = 'SELECT organization_id FROM projects WHERE id = $1';

@Injectable()
export class TypeOrmProjectRepository extends ProjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return this.dataSource.getRepository(ProjectEntity);
  }

  async add(project: Project): Promise<void> {
    await this.rows.insert(ProjectMapper.toPersistence(project));
  }

  async findByIdInOrganization(organizationId: string, projectId: string): Promise<Project | undefined> {
    const row = await this.rows.findOneBy({ id: projectId, organizationId });
    return row ? ProjectMapper.toDomain(row) : undefined;
  }

  async listForWorkspace(organizationId: string, workspaceId: string): Promise<Project[]> {
    const rows = await this.rows.find({
      where: { organizationId, workspaceId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => ProjectMapper.toDomain(row));
  }

  async save(project: Project): Promise<void> {
    const { id, organizationId, name, description, updatedAt } = ProjectMapper.toPersistence(project);
    await this.rows.update({ id, organizationId }, { name, description, updatedAt });
  }

  delete(
    organizationId: string,
    projectId: string,
    check: (contents: { id: string; status: string }[]) => void,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Locking the project first serialises with new contents (their foreign key check waits for it).
      const found = (await manager.query('SELECT id FROM projects WHERE id = $1 AND organization_id = $2 FOR UPDATE', [
        projectId,
        organizationId,
      ])) as unknown[];
      if (!found.length) return false;
      const contents = (await manager.query(
        'SELECT id, status FROM contents WHERE project_id = $1 AND organization_id = $2 FOR UPDATE',
        [projectId, organizationId],
      )) as { id: string; status: string }[];
      check(contents);
      await manager.query('DELETE FROM projects WHERE id = $1 AND organization_id = $2', [projectId, organizationId]);
      return true;
    });
  }
}
