import type { DataSource } from 'typeorm';
import type { Role } from '../../../src/accounts/domain/role';
import { assertKeepsAnAdmin } from '../../../src/accounts/domain/membership-rules';
import { TypeOrmMembershipRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-membership.repository';
import { TypeOrmOrganizationRepository } from '../../../src/accounts/infrastructure/typeorm/typeorm-organization.repository';
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
    memberships = new TypeOrmMembershipRepository(dataSource);
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
});
