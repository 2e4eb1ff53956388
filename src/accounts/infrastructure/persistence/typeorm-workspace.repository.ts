import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from '#libs/database';
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
  constructor(@InjectRepository(WorkspaceEntity) private readonly rows: Repository<WorkspaceEntity>) {
    super();
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
