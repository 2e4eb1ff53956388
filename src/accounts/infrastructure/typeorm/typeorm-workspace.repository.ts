import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUniqueViolation, managerOf } from '#libs/database';
import { WorkspaceRepository, type WorkspaceView } from '../../application/ports/workspace.repository';
import { WorkspaceNameTakenError } from '../../domain/accounts.errors';
import type { OwnerQuery } from './resource-owners';
import { WorkspaceEntity } from './workspace.entity';

/** The organization of a workspace, for the access guard (see ResourceOwners). */
export const WORKSPACE_OWNER: OwnerQuery = 'SELECT organization_id FROM workspaces WHERE id = $1';

const toView = (row: WorkspaceEntity): WorkspaceView => ({
  id: row.id,
  organizationId: row.organizationId,
  name: row.name,
  createdAt: row.createdAt,
});

@Injectable()
export class TypeOrmWorkspaceRepository extends WorkspaceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** The transaction's around the call (a UnitOfWork run), else the pool's. */
  private get rows() {
    return managerOf(this.dataSource).getRepository(WorkspaceEntity);
  }

  async create(organizationId: string, name: string): Promise<WorkspaceView> {
    try {
      return toView(await this.rows.save(this.rows.create({ organizationId, name })));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_workspaces_org_name')) throw new WorkspaceNameTakenError();
      throw error;
    }
  }

  async listForOrganization(organizationId: string): Promise<WorkspaceView[]> {
    return (await this.rows.find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toView);
  }
}
