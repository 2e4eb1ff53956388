import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  addMember,
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  endOtpCooldown,
  randomPhone,
  signIn,
  signInAsMember,
  toE164,
  type OrganizationSummary,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectError(response: request.Response, statusCode: number, code: string): void {
  expect(response.status).toBe(statusCode);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    statusCode,
    code,
    message: expect.any(String),
    details: expect.any(Object),
    requestId: response.headers['x-request-id'],
  });
}

const uniqueName = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

describe('Organizations, members and workspaces (HTTP)', () => {
  let t: SmsTestApp;

  beforeAll(async () => {
    t = await bootSmsTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);

  describe('organizations', () => {
    it('creates an organization with the creator as ADMIN: 201 {id, name, role}', async () => {
      const admin = await signIn(t);
      const name = uniqueName('آژانس نوآوران');

      const response = await http().post(`${API}/organizations`).set(bearer(admin)).send({ name });

      expect(response.status).toBe(201);
      expect(response.body).toEqual(expect.objectContaining({ id: expect.stringMatching(UUID), name, role: 'ADMIN' }));
    });

    it('trims the name and refuses an empty one with 400 VALIDATION_FAILED', async () => {
      const admin = await signIn(t);
      const created = await http().post(`${API}/organizations`).set(bearer(admin)).send({ name: '  Padded  ' });
      expect(created.body.name).toBe('Padded');

      const empty = await http().post(`${API}/organizations`).set(bearer(admin)).send({ name: '   ' });
      expectError(empty, 400, 'VALIDATION_FAILED');
      expect(empty.body.details.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    });

    it('lists the organizations the caller belongs to, with the role held in each, and no others', async () => {
      const user = await signIn(t);
      const own = await createOrganizationAs(t, user);
      const otherAdmin = await signIn(t);
      const joined = await createOrganizationAs(t, otherAdmin);
      const notJoined = await createOrganizationAs(t, otherAdmin);
      await addMember(t, otherAdmin, joined.id, user.user.phone, 'VIEWER');

      const response = await http().get(`${API}/organizations`).set(bearer(user));

      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(2);
      expect(response.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: own.id, name: own.name, role: 'ADMIN' }),
          expect.objectContaining({ id: joined.id, name: joined.name, role: 'VIEWER' }),
        ]),
      );
      expect(response.body.map((o: OrganizationSummary) => o.id)).not.toContain(notJoined.id);
    });

    it('shows one organization to a member with the caller’s role', async () => {
      const admin = await signIn(t);
      const org = await createOrganizationAs(t, admin);
      const viewer = await signInAsMember(t, admin, org.id, 'VIEWER');

      const forAdmin = await http().get(`${API}/organizations/${org.id}`).set(bearer(admin));
      const forViewer = await http().get(`${API}/organizations/${org.id}`).set(bearer(viewer));

      expect(forAdmin.status).toBe(200);
      expect(forAdmin.body).toEqual(expect.objectContaining({ id: org.id, name: org.name, role: 'ADMIN' }));
      expect(forViewer.status).toBe(200);
      expect(forViewer.body).toEqual(expect.objectContaining({ id: org.id, name: org.name, role: 'VIEWER' }));
    });
  });

  describe('members', () => {
    let admin: Session;
    let org: OrganizationSummary;

    beforeEach(async () => {
      admin = await signIn(t);
      org = await createOrganizationAs(t, admin);
    });

    const members = (as: Session = admin) => http().get(`${API}/organizations/${org.id}/members`).set(bearer(as));
    const invite = (phone: string, role: string) =>
      http().post(`${API}/organizations/${org.id}/members`).set(bearer(admin)).send({ phone, role });
    const changeRole = (userId: string, role: string, as: Session = admin) =>
      http().patch(`${API}/organizations/${org.id}/members/${userId}`).set(bearer(as)).send({ role });
    const remove = (userId: string, as: Session = admin) =>
      http().delete(`${API}/organizations/${org.id}/members/${userId}`).set(bearer(as));

    it('lists the members as [{userId, phone, name, role}]', async () => {
      await http().patch(`${API}/me`).set(bearer(admin)).send({ name: 'مریم' });

      const response = await members();

      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        expect.objectContaining({ userId: admin.user.id, phone: admin.user.phone, name: 'مریم', role: 'ADMIN' }),
      ]);
    });

    it('invites a new phone: 201, the user is created, and on signing in they see the membership', async () => {
      const phone = randomPhone();

      const invited = await invite(phone.replace(/^0/, '+98'), 'EDITOR');

      expect(invited.status).toBe(201);
      expect(invited.body).toEqual(
        expect.objectContaining({
          userId: expect.stringMatching(UUID),
          phone: toE164(phone),
          name: null,
          role: 'EDITOR',
        }),
      );
      expect((await members()).body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: invited.body.userId, role: 'EDITOR' })]),
      );

      const member = await signIn(t, phone);
      expect(member.user.id).toBe(invited.body.userId);
      const me = await http().get(`${API}/me`).set(bearer(member));
      expect(me.body.memberships).toEqual([{ organizationId: org.id, organizationName: org.name, role: 'EDITOR' }]);
    });

    it('invites a phone that already has an account without making a second user', async () => {
      const existing = await signIn(t);

      const invited = await invite(existing.user.phone, 'VIEWER');

      expect(invited.status).toBe(201);
      expect(invited.body.userId).toBe(existing.user.id);
    });

    it('answers an invitation alike whether or not the phone has an account, and shows no name until the member signs in', async () => {
      const existing = await signIn(t);
      await http().patch(`${API}/me`).set(bearer(existing)).send({ name: 'نگار رضایی' });
      const newPhone = randomPhone();

      const ofExisting = await invite(existing.user.phone, 'VIEWER');
      const ofNew = await invite(newPhone, 'VIEWER');

      const shape = (body: Record<string, unknown>) => ({ ...body, userId: 'id', phone: 'phone', joinedAt: 'time' });
      expect(ofExisting.status).toBe(201);
      expect(ofNew.status).toBe(201);
      expect(shape(ofExisting.body)).toEqual(shape(ofNew.body));
      expect(ofExisting.body).toMatchObject({ name: null, status: 'invited' });
      const listed = (await members()).body as { userId: string; name: string | null; status: string }[];
      expect(listed.find((m) => m.userId === existing.user.id)).toMatchObject({ name: null, status: 'invited' });
      const audit = await http().get(`${API}/organizations/${org.id}/audit-log`).set(bearer(admin));
      expect(JSON.stringify(audit.body)).not.toContain('newUser');

      await endOtpCooldown(t, existing.user.phone);
      await signIn(t, existing.user.phone);
      const afterSignIn = (await members()).body as { userId: string; name: string | null; status: string }[];
      expect(afterSignIn.find((m) => m.userId === existing.user.id)).toMatchObject({
        name: 'نگار رضایی',
        status: 'active',
      });
    });

    it('refuses to invite an existing member again with 409 MEMBER_EXISTS', async () => {
      const phone = randomPhone();
      expect((await invite(phone, 'VIEWER')).status).toBe(201);

      expectError(await invite(phone, 'ADMIN'), 409, 'MEMBER_EXISTS');
      expectError(await invite(admin.user.phone, 'VIEWER'), 409, 'MEMBER_EXISTS');
      expect((await members()).body).toHaveLength(2);
    });

    it('refuses an invalid phone with 400 PHONE_INVALID and an unknown role with 400 VALIDATION_FAILED', async () => {
      expectError(await invite('02188776655', 'VIEWER'), 400, 'PHONE_INVALID');
      const badRole = await invite(randomPhone(), 'OWNER');
      expectError(badRole, 400, 'VALIDATION_FAILED');
      expect(badRole.body.details.fields).toEqual([expect.objectContaining({ field: 'role' })]);
    });

    it('changes a member’s role: 200 with the member', async () => {
      const member = await addMember(t, admin, org.id, randomPhone(), 'VIEWER');

      const response = await changeRole(member.userId, 'EDITOR');

      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        expect.objectContaining({ userId: member.userId, phone: member.phone, role: 'EDITOR' }),
      );
      expect((await members()).body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: member.userId, role: 'EDITOR' })]),
      );
    });

    it('refuses to demote or remove the last ADMIN with 409 LAST_ADMIN', async () => {
      await addMember(t, admin, org.id, randomPhone(), 'EDITOR');

      expectError(await changeRole(admin.user.id, 'EDITOR'), 409, 'LAST_ADMIN');
      expectError(await remove(admin.user.id), 409, 'LAST_ADMIN');
      expect((await members()).body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: admin.user.id, role: 'ADMIN' })]),
      );
    });

    it('lets one of two ADMINs be demoted, after which the other is the last', async () => {
      const second = await signInAsMember(t, admin, org.id, 'ADMIN');

      const demoted = await changeRole(admin.user.id, 'VIEWER', second);

      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe('VIEWER');
      expectError(await changeRole(second.user.id, 'EDITOR', second), 409, 'LAST_ADMIN');
    });

    it('removes a member: 204, gone from the list, and the organization is gone for them (404)', async () => {
      const member = await signInAsMember(t, admin, org.id, 'EDITOR');

      const response = await remove(member.user.id);

      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect((await members()).body.map((m: { userId: string }) => m.userId)).toEqual([admin.user.id]);
      expectError(await http().get(`${API}/organizations/${org.id}`).set(bearer(member)), 404, 'NOT_FOUND');
      expect((await http().get(`${API}/me`).set(bearer(member))).body.memberships).toEqual([]);
    });

    it('answers 404 for a user who is not a member, or not a uuid, on PATCH and DELETE', async () => {
      const outsider = await signIn(t);

      expectError(await changeRole(outsider.user.id, 'EDITOR'), 404, 'NOT_FOUND');
      expectError(await remove(outsider.user.id), 404, 'NOT_FOUND');
      expectError(await changeRole(randomUUID(), 'EDITOR'), 404, 'NOT_FOUND');
      expectError(await remove('abc'), 404, 'NOT_FOUND');
    });
  });

  describe('workspaces', () => {
    let admin: Session;
    let org: OrganizationSummary;

    beforeAll(async () => {
      admin = await signIn(t);
      org = await createOrganizationAs(t, admin);
    });

    const createWorkspace = (name: string, orgId = org.id) =>
      http().post(`${API}/organizations/${orgId}/workspaces`).set(bearer(admin)).send({ name });

    it('creates a workspace: 201 {id, organizationId, name}, and lists it', async () => {
      const name = uniqueName('بلاگ');

      const created = await createWorkspace(name);

      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({ id: expect.stringMatching(UUID), organizationId: org.id, name }),
      );
      const listed = await http().get(`${API}/organizations/${org.id}/workspaces`).set(bearer(admin));
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: created.body.id, organizationId: org.id, name })]),
      );
    });

    it('refuses a second workspace of the same name in the organization with 409 WORKSPACE_NAME_TAKEN', async () => {
      const name = uniqueName('Marketing');
      expect((await createWorkspace(name)).status).toBe(201);

      expectError(await createWorkspace(name), 409, 'WORKSPACE_NAME_TAKEN');
    });

    it('allows the same workspace name in another organization', async () => {
      const name = uniqueName('Sales');
      const otherOrg = await createOrganizationAs(t, admin);
      expect((await createWorkspace(name)).status).toBe(201);

      expect((await createWorkspace(name, otherOrg.id)).status).toBe(201);
    });

    it('lists only the organization’s own workspaces', async () => {
      const otherOrg = await createOrganizationAs(t, admin);
      const elsewhere = await createWorkspace(uniqueName('Elsewhere'), otherOrg.id);

      const listed = await http().get(`${API}/organizations/${org.id}/workspaces`).set(bearer(admin));

      expect(listed.body.map((w: { id: string }) => w.id)).not.toContain(elsewhere.body.id);
      expect(listed.body.every((w: { organizationId: string }) => w.organizationId === org.id)).toBe(true);
    });
  });

  describe('audit log', () => {
    it('records each change with its actor and request id, newest first, paginated {items, total, page, limit}', async () => {
      const admin = await signIn(t);
      const tag = randomBytes(4).toString('hex');
      const created = await http()
        .post(`${API}/organizations`)
        .set(bearer(admin))
        .set('X-Request-Id', `create-${tag}`)
        .send({ name: uniqueName('Audited') });
      const orgId = created.body.id as string;
      const added = await http()
        .post(`${API}/organizations/${orgId}/members`)
        .set(bearer(admin))
        .set('X-Request-Id', `add-${tag}`)
        .send({ phone: randomPhone(), role: 'VIEWER' });
      const memberId = added.body.userId as string;
      await http()
        .patch(`${API}/organizations/${orgId}/members/${memberId}`)
        .set(bearer(admin))
        .set('X-Request-Id', `role-${tag}`)
        .send({ role: 'EDITOR' });
      await http()
        .delete(`${API}/organizations/${orgId}/members/${memberId}`)
        .set(bearer(admin))
        .set('X-Request-Id', `remove-${tag}`);
      const workspace = await http()
        .post(`${API}/organizations/${orgId}/workspaces`)
        .set(bearer(admin))
        .set('X-Request-Id', `workspace-${tag}`)
        .send({ name: 'Blog' });

      const response = await http().get(`${API}/organizations/${orgId}/audit-log`).set(bearer(admin));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: expect.any(Array), total: 5, page: 1, limit: 20 });
      const entry = { id: expect.stringMatching(UUID), actorId: admin.user.id, createdAt: expect.any(String) };
      expect(response.body.items).toEqual([
        expect.objectContaining({
          ...entry,
          action: 'workspace.created',
          targetType: 'workspace',
          targetId: workspace.body.id,
          requestId: `workspace-${tag}`,
        }),
        expect.objectContaining({
          ...entry,
          action: 'member.removed',
          targetType: 'user',
          targetId: memberId,
          requestId: `remove-${tag}`,
        }),
        expect.objectContaining({
          ...entry,
          action: 'member.role_changed',
          targetId: memberId,
          metadata: { from: 'VIEWER', to: 'EDITOR' },
          requestId: `role-${tag}`,
        }),
        expect.objectContaining({
          ...entry,
          action: 'member.added',
          targetType: 'user',
          targetId: memberId,
          requestId: `add-${tag}`,
        }),
        expect.objectContaining({
          ...entry,
          action: 'organization.created',
          targetType: 'organization',
          targetId: orgId,
          requestId: `create-${tag}`,
        }),
      ]);

      const page2 = await http().get(`${API}/organizations/${orgId}/audit-log?page=2&limit=2`).set(bearer(admin));
      expect(page2.status).toBe(200);
      expect(page2.body).toEqual({ items: [expect.any(Object), expect.any(Object)], total: 5, page: 2, limit: 2 });
      expect(page2.body.items.map((e: { action: string }) => e.action)).toEqual([
        'member.role_changed',
        'member.added',
      ]);
    });

    it('refuses bad paging parameters with 400 VALIDATION_FAILED', async () => {
      const admin = await signIn(t);
      const org = await createOrganizationAs(t, admin);

      const response = await http().get(`${API}/organizations/${org.id}/audit-log?limit=1000`).set(bearer(admin));

      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
    });

    it('shows nothing of another organization', async () => {
      const admin = await signIn(t);
      const org = await createOrganizationAs(t, admin);
      const otherAdmin = await signIn(t);
      const other = await createOrganizationAs(t, otherAdmin);
      await addMember(t, otherAdmin, other.id, randomPhone(), 'VIEWER');

      const response = await http().get(`${API}/organizations/${org.id}/audit-log`).set(bearer(admin));

      expect(response.body.total).toBe(1);
      expect(response.body.items).toEqual([
        expect.objectContaining({ action: 'organization.created', targetId: org.id }),
      ]);
    });
  });

  describe('tenancy', () => {
    let adminA: Session;
    let orgA: OrganizationSummary;
    let adminB: Session;
    let orgB: OrganizationSummary;
    let memberOfB: string;

    beforeAll(async () => {
      adminA = await signIn(t);
      orgA = await createOrganizationAs(t, adminA);
      adminB = await signIn(t);
      orgB = await createOrganizationAs(t, adminB);
      memberOfB = (await addMember(t, adminB, orgB.id, randomPhone(), 'VIEWER')).userId;
    });

    const routes: { route: string; method: 'GET' | 'POST'; path: (orgId: string) => string; body?: object }[] = [
      { route: 'GET /organizations/:orgId', method: 'GET', path: (id) => `/organizations/${id}` },
      { route: 'GET /organizations/:orgId/members', method: 'GET', path: (id) => `/organizations/${id}/members` },
      {
        route: 'POST /organizations/:orgId/members',
        method: 'POST',
        path: (id) => `/organizations/${id}/members`,
        body: { phone: randomPhone(), role: 'VIEWER' },
      },
      {
        route: 'POST /organizations/:orgId/workspaces',
        method: 'POST',
        path: (id) => `/organizations/${id}/workspaces`,
        body: { name: 'Intrusion' },
      },
      { route: 'GET /organizations/:orgId/workspaces', method: 'GET', path: (id) => `/organizations/${id}/workspaces` },
      { route: 'GET /organizations/:orgId/audit-log', method: 'GET', path: (id) => `/organizations/${id}/audit-log` },
    ];

    describe.each([
      ['another organization’s id', () => orgB.id],
      ['a random uuid', () => randomUUID()],
      ['a string that is not a uuid', () => 'abc'],
    ])('an ADMIN of A addressing %s', (_target, orgId) => {
      it.each(routes)('$route → 404 NOT_FOUND', async ({ method, path, body }) => {
        const url = `${API}${path(orgId())}`;
        const response =
          method === 'GET'
            ? await http().get(url).set(bearer(adminA))
            : await http().post(url).set(bearer(adminA)).send(body);
        expectError(response, 404, 'NOT_FOUND');
      });

      it('PATCH and DELETE /organizations/:orgId/members/:userId → 404 NOT_FOUND', async () => {
        const base = `${API}/organizations/${orgId()}/members/${memberOfB}`;
        expectError(await http().patch(base).set(bearer(adminA)).send({ role: 'ADMIN' }), 404, 'NOT_FOUND');
        expectError(await http().delete(base).set(bearer(adminA)), 404, 'NOT_FOUND');
      });
    });

    it('leaves B untouched by those calls', async () => {
      const members = await http().get(`${API}/organizations/${orgB.id}/members`).set(bearer(adminB));
      expect(members.body).toHaveLength(2);
      expect(members.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: memberOfB, role: 'VIEWER' })]),
      );
      expect((await http().get(`${API}/organizations/${orgB.id}/workspaces`).set(bearer(adminB))).body).toEqual([]);
    });

    it('answers 404 when A’s ADMIN patches or removes, in A, a user who belongs only to B', async () => {
      const base = `${API}/organizations/${orgA.id}/members/${memberOfB}`;

      expectError(await http().patch(base).set(bearer(adminA)).send({ role: 'ADMIN' }), 404, 'NOT_FOUND');
      expectError(await http().delete(base).set(bearer(adminA)), 404, 'NOT_FOUND');
    });

    it('judges someone in both organizations by the role held in each: a VIEWER of A gets 403 on A’s ADMIN routes', async () => {
      await addMember(t, adminA, orgA.id, adminB.user.phone, 'VIEWER');

      expectError(await http().get(`${API}/organizations/${orgA.id}/audit-log`).set(bearer(adminB)), 403, 'FORBIDDEN');
      expect((await http().get(`${API}/organizations/${orgA.id}/members`).set(bearer(adminB))).status).toBe(200);
    });
  });
});
