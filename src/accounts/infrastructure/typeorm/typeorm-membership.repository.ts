import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation, managerOf, PreparedStatement, queryPrepared } from '#libs/database';
import {
  MembershipRepository,
  type MemberView,
  type MembershipDecision,
  type OwnerRole,
} from '../../application/ports/membership.repository';
import { MemberExistsError } from '../../domain/accounts.errors';
import type { Role } from '../../domain/role';
import { ResourceOwners } from './resource-owners';

interface MemberRow {
  user_id: string;
  phone: string;
  name: string | null;
  role: Role;
  created_at: Date;
  accepted_at: Date | null;
}

/**
 * A member's name shows once they have signed in since being added: before that, the answer must
 * not tell the inviting organization whether the phone already had an account, or whose it is.
 */
const MEMBER_SELECT = `SELECT m.user_id, u.phone, CASE WHEN m.accepted_at IS NOT NULL THEN u.name END AS name,
                              m.role, m.created_at, m.accepted_at
                         FROM memberships m JOIN users u ON u.id = m.user_id`;

/** Asked every few seconds by each open event stream, to end it once its caller may no longer read. */
const ROLE_OF = new PreparedStatement('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2');

const toView = (row: MemberRow): MemberView => ({
  userId: row.user_id,
  phone: row.phone,
  name: row.name,
  role: row.role,
  status: row.accepted_at ? 'active' : 'invited',
  joinedAt: row.created_at,
});

@Injectable()
export class TypeOrmMembershipRepository extends MembershipRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly owners: ResourceOwners,
  ) {
    super();
  }

  async findRole(organizationId: string, userId: string): Promise<Role | undefined> {
    const { rows } = await queryPrepared<{ role: Role }>(this.dataSource, ROLE_OF, [organizationId, userId]);
    return rows[0]?.role;
  }

  /** Asked by the access guard on every request to an organization's resource: one statement (see ResourceOwners). */
  async findRoleInOwnerOf(resource: string, resourceId: string, userId: string): Promise<OwnerRole | undefined> {
    const { rows } = await queryPrepared<{ organization_id: string; role: Role | null }>(
      this.dataSource,
      this.owners.roleInOwnerOf(resource),
      [resourceId, userId],
    );
    const row = rows[0];
    return row && { organizationId: row.organization_id, role: row.role ?? undefined };
  }

  async listMembers(organizationId: string): Promise<MemberView[]> {
    const rows = (await managerOf(this.dataSource).query(
      `${MEMBER_SELECT} WHERE m.organization_id = $1 ORDER BY m.created_at, m.user_id`,
      [organizationId],
    )) as MemberRow[];
    return rows.map(toView);
  }

  async findMember(organizationId: string, userId: string): Promise<MemberView | undefined> {
    const rows = (await managerOf(this.dataSource).query(
      `${MEMBER_SELECT} WHERE m.organization_id = $1 AND m.user_id = $2`,
      [organizationId, userId],
    )) as MemberRow[];
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async add(organizationId: string, userId: string, role: Role): Promise<void> {
    try {
      await managerOf(this.dataSource).query(
        'INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)',
        [organizationId, userId, role],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new MemberExistsError();
      throw error;
    }
  }

  update(organizationId: string, userId: string, decide: MembershipDecision): Promise<Role | undefined> {
    return inTransaction(this.dataSource, async (manager) => {
      // Locking every ADMIN row of the organization serialises concurrent demotions and removals.
      const admins = (await manager.query(
        `SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'ADMIN' FOR UPDATE`,
        [organizationId],
      )) as {
        user_id: string;
      }[];
      const rows = (await manager.query(
        'SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2 FOR UPDATE',
        [organizationId, userId],
      )) as {
        role: Role;
      }[];
      const current = rows[0]?.role;
      if (!current) return undefined;
      const next = decide(current, admins.length);
      if (next === 'REMOVED') {
        await manager.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [
          organizationId,
          userId,
        ]);
      } else if (next !== current) {
        await manager.query('UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2', [
          organizationId,
          userId,
          next,
        ]);
      }
      return current;
    });
  }

  async acceptInvitations(userId: string): Promise<void> {
    await managerOf(this.dataSource).query(
      'UPDATE memberships SET accepted_at = now() WHERE user_id = $1 AND accepted_at IS NULL',
      [userId],
    );
  }
}
