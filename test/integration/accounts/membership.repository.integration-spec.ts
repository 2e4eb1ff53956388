import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../../../src/accounts/domain/role';
import { assertKeepsAnAdmin } from '../../../src/accounts/domain/membership-rules';
import { TypeOrmMembershipRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-membership.repository';
import { TypeOrmOrganizationRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-organization.repository';
import { ResourceOwners } from '../../../src/accounts/infrastructure/typeorm/resource-owners';
import { WORKSPACE_OWNER } from '../../../src/accounts/infrastructure/typeorm/typeorm-workspace.repository';
import { recordAppQueries } from '../../support/query-recorder';
import { openTestDataSource } from '../../support/test-data-source';
import { randomMobile } from '../../support/random';

describe('TypeOrmMembershipRepository', () => {
  let dataSource: DataSource;
  let memberships: TypeOrmMembershipRepository;
  let organizations: TypeOrmOrganizationRepository;

  const newUser = async () =>
    (
      (await dataSource.query('INSERT INTO users (phone) VALUES ($1) RETURNING id', [randomMobile()])) as {
        id: string;
      }[]
    )[0]!.id;
  const demoteTo = (role: Role) => (current: Role, admins: number) => {
    assertKeepsAnAdmin(current, role, admins);
    return role;
  };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const owners = new ResourceOwners();
    owners.register('workspace', WORKSPACE_OWNER);
    memberships = new TypeOrmMembershipRepository(dataSource, owners);
    organizations = new TypeOrmOrganizationRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('creates an organization with its creator as ADMIN', async () => {
    const admin = await newUser();
    const organization = await organizations.createWithAdmin('سازمان آزمایشی', admin);
    expect(organization.role).toBe('ADMIN');
    await expect(memberships.findRole(organization.id, admin)).resolves.toBe('ADMIN');
    await expect(organizations.listForMember(admin)).resolves.toEqual([
      expect.objectContaining({ id: organization.id, name: 'سازمان آزمایشی' }),
    ]);
  });

  it('never lets two concurrent demotions leave an organization without an ADMIN', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const organization = await organizations.createWithAdmin('Race', a);
    await memberships.add(organization.id, b, 'ADMIN');
    const results = await Promise.allSettled([
      memberships.update(organization.id, a, demoteTo('EDITOR')),
      memberships.update(organization.id, b, demoteTo('EDITOR')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      ['LAST_ADMIN'],
    );
    const admins = (await memberships.listMembers(organization.id)).filter((m) => m.role === 'ADMIN');
    expect(admins).toHaveLength(1);
  });

  it('refuses adding the same member twice with MEMBER_EXISTS', async () => {
    const admin = await newUser();
    const organization = await organizations.createWithAdmin('Twice', admin);
    await expect(memberships.add(organization.id, admin, 'VIEWER')).rejects.toMatchObject({ code: 'MEMBER_EXISTS' });
  });

  it('returns undefined when the user is not a member of that organization', async () => {
    const [admin, outsider] = [await newUser(), await newUser()];
    const organization = await organizations.createWithAdmin('Scoped', admin);
    await expect(memberships.update(organization.id, outsider, () => 'REMOVED')).resolves.toBeUndefined();
    await expect(organizations.findForMember(organization.id, outsider)).resolves.toBeUndefined();
  });

  describe('findRoleInOwnerOf: the owner of an addressed resource and the caller’s role there', () => {
    let organizationId: string;
    let workspaceId: string;
    let editor: string;

    beforeAll(async () => {
      const admin = await newUser();
      editor = await newUser();
      organizationId = (await organizations.createWithAdmin('Owners', admin)).id;
      await memberships.add(organizationId, editor, 'EDITOR');
      workspaceId = (
        (await dataSource.query(`INSERT INTO workspaces (organization_id, name) VALUES ($1, 'w') RETURNING id`, [
          organizationId,
        ])) as { id: string }[]
      )[0]!.id;
    });

    it('answers both in one statement, the role as it is now', async () => {
      const recorder = recordAppQueries();
      try {
        await expect(memberships.findRoleInOwnerOf('workspace', workspaceId, editor)).resolves.toEqual({
          organizationId,
          role: 'EDITOR',
        });
      } finally {
        recorder.stop();
      }
      expect(recorder.queries).toHaveLength(1);
      await memberships.update(organizationId, editor, () => 'VIEWER');
      await expect(memberships.findRoleInOwnerOf('workspace', workspaceId, editor)).resolves.toEqual({
        organizationId,
        role: 'VIEWER',
      });
    });

    it('names the owner with no role for an outsider, and answers undefined for a missing resource', async () => {
      const outsider = await newUser();
      await expect(memberships.findRoleInOwnerOf('workspace', workspaceId, outsider)).resolves.toEqual({
        organizationId,
        role: undefined,
      });
      await expect(memberships.findRoleInOwnerOf('workspace', randomUUID(), editor)).resolves.toBeUndefined();
    });

    it('treats an organization as its own owner', async () => {
      await expect(memberships.findRoleInOwnerOf('organization', organizationId, editor)).resolves.toEqual({
        organizationId,
        role: 'VIEWER',
      });
      await expect(memberships.findRoleInOwnerOf('organization', randomUUID(), editor)).resolves.toEqual({
        organizationId: expect.any(String),
        role: undefined,
      });
    });

    it('refuses an owner lookup that is not a SELECT by $1 alone, and a resource nobody registered', () => {
      const owners = new ResourceOwners();
      expect(() => owners.register('thing', 'DELETE FROM things WHERE id = $1')).toThrow(/SELECT/);
      expect(() => owners.register('thing', 'SELECT organization_id FROM things WHERE id = $1 AND x = $2')).toThrow();
      expect(() => owners.register('organization', 'SELECT $1::uuid AS organization_id')).toThrow(/already/);
      expect(() => owners.roleInOwnerOf('thing')).toThrow(/No owner lookup/);
    });
  });
});
