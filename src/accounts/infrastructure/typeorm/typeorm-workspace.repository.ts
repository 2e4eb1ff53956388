import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUniqueViolation, managerOf } from '#libs/database';
import { WorkspaceRepository, type WorkspaceView } from '../../application/ports/workspace.repository';
import { WorkspaceNameTakenError } from '../../domain/accounts.errors';
import { WorkspaceEntity } from './workspace.entity';

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

  async findOrganizationIdOf(workspaceId: string): Promise<string | undefined> {
    const row = await this.rows.findOne({ where: { id: workspaceId }, select: { organizationId: true } });
    return row?.organizationId;
  }
}
