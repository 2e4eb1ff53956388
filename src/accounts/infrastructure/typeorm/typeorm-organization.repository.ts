import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction, managerOf } from '#libs/database';
import { OrganizationRepository, type OrganizationView } from '../../application/ports/organization.repository';
import type { Role } from '../../domain/role';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';

interface OrganizationRow {
  id: string;
  name: string;
  role: Role;
  require_admin_two_factor: boolean;
  created_at: Date;
}

const toView = (row: OrganizationRow): OrganizationView => ({
  id: row.id,
  name: row.name,
  role: row.role,
  requireAdminTwoFactor: row.require_admin_two_factor,
  createdAt: row.created_at,
});

@Injectable()
export class TypeOrmOrganizationRepository extends OrganizationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  createWithAdmin(name: string, adminUserId: string): Promise<OrganizationView> {
    return inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.save(manager.create(OrganizationEntity, { name }));
      await manager.insert(MembershipEntity, {
        organizationId: organization.id,
        userId: adminUserId,
        role: 'ADMIN',
        acceptedAt: organization.createdAt,
      });
      return {
        id: organization.id,
        name: organization.name,
        role: 'ADMIN',
        requireAdminTwoFactor: false,
        createdAt: organization.createdAt,
      };
    });
  }

  async findForMember(organizationId: string, userId: string): Promise<OrganizationView | undefined> {
    const rows = (await managerOf(this.dataSource).query(
      `SELECT o.id, o.name, m.role, o.require_admin_two_factor, o.created_at
         FROM organizations o JOIN memberships m ON m.organization_id = o.id
        WHERE o.id = $1 AND m.user_id = $2`,
      [organizationId, userId],
    )) as OrganizationRow[];
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async listForMember(userId: string): Promise<OrganizationView[]> {
    const rows = (await managerOf(this.dataSource).query(
      `SELECT o.id, o.name, m.role, o.require_admin_two_factor, o.created_at
         FROM organizations o JOIN memberships m ON m.organization_id = o.id
        WHERE m.user_id = $1
        ORDER BY o.created_at, o.id`,
      [userId],
    )) as OrganizationRow[];
    return rows.map(toView);
  }

  async setRequireAdminTwoFactor(organizationId: string, required: boolean): Promise<boolean> {
    const [, changed] = (await managerOf(this.dataSource).query(
      `UPDATE organizations SET require_admin_two_factor = $2, updated_at = now()
        WHERE id = $1 AND require_admin_two_factor <> $2`,
      [organizationId, required],
    )) as [unknown, number];
    return changed > 0;
  }
}
